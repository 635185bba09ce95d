#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a large PDF for the signing benchmark: pages that each show one
uncompressed image of noise, the shape of a scanned dossier (the study in
reference/pdf-signing.md §6 used 47 raw-image pages for 203 MB).

Usage: make-large-pdf.py OUT.pdf SIZE_MB
"""
import os
import sys


def main():
    out, size_mb = sys.argv[1], int(sys.argv[2])
    side = 1000                      # 1000 x 1000 RGB: 3 MB a page
    image_len = side * side * 3
    pages = max(1, size_mb * 1000 * 1000 // image_len)
    noise = os.urandom(image_len)
    offsets = {}
    with open(out + ".tmp", "wb") as f:
        def obj(num, body, stream=None):
            offsets[num] = f.tell()
            f.write(b"%d 0 obj\n" % num + body)
            if stream is not None:
                f.write(b"\nstream\n" + stream + b"\nendstream")
            f.write(b"\nendobj\n")

        f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        kids = " ".join("%d 0 R" % (3 + 3 * i) for i in range(pages)).encode()
        obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        obj(2, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids))
        for i in range(pages):
            page, content, image = 3 + 3 * i, 4 + 3 * i, 5 + 3 * i
            obj(page, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                      b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (content, image))
            draw = b"q 500 0 0 500 47 171 cm /Im0 Do Q"
            obj(content, b"<< /Length %d >>" % len(draw), draw)
            obj(image, b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                       b"/BitsPerComponent 8 /Length %d >>" % (side, side, image_len), noise)
        xref = f.tell()
        count = 3 + 3 * pages
        f.write(b"xref\n0 %d\n0000000000 65535 f \n" % count)
        for num in range(1, count):
            f.write(b"%010d 00000 n \n" % offsets[num])
        f.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref))
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
