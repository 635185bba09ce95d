#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check flatpak/io.github.xaso.XaSo.json against the source tree.

Usage: check-flatpak-manifest.py PROJECT_ROOT

The GNOME runtime cannot be downloaded where the tests run, so the manifest is
never built here.  Instead this script checks, offline, everything that can go
stale when the tree changes: the app id and command against meson, the data
files named after the app id, the options passed to our own meson module, the
pinned sources of the bundled modules, the sandbox permissions, and that every
pkg-config dependency declared in a meson.build is either in the runtime or
bundled.  It prints one line per check and stops at the first failure.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MANIFEST = os.path.join('flatpak', 'io.github.xaso.XaSo.json')
RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'

# Every permission the app may ask for, with the reason.  Files go through the
# portals (GtkFileChooserNative) and secrets through the Secret portal, so no
# --filesystem for user files and no --talk-name are needed.
FINISH_ARGS = {
    '--share=ipc': 'X11 shared memory, which GTK expects under XWayland',
    '--socket=wayland': 'display',
    '--socket=fallback-x11': 'display on X11 sessions only',
    '--device=dri': 'GPU rendering for GTK 4',
    '--share=network': 'sync with the province server over HTTPS',
    '--socket=pcsc': 'smart-card readers through the host pcscd, for PKCS#11 signing',
    '--filesystem=xdg-run/p11-kit/pkcs11':
        'the host p11-kit server socket, so GnuTLS reaches USB signing tokens',
}

# Permissions that open the whole home, host or bus.  One is accepted only when
# it is also listed here with the reason it cannot be done through a portal.
BROAD_ARGS = {
    '--filesystem=host', '--filesystem=host-os', '--filesystem=host-etc',
    '--filesystem=home', '--filesystem=~', '--filesystem=/',
    '--device=all', '--socket=session-bus', '--socket=system-bus', '--socket=x11',
    '--talk-name=org.freedesktop.Flatpak',
}
BROAD_JUSTIFIED = {}

# pkg-config names the GNOME runtime (on top of the freedesktop runtime) ships.
RUNTIME_PKGS = {
    'glib-2.0', 'gobject-2.0', 'gio-2.0', 'gio-unix-2.0', 'gmodule-2.0', 'gthread-2.0',
    'gtk4', 'gtk4-unix-print', 'gtk4-wayland', 'gtk4-x11', 'libadwaita-1',
    'graphene-gobject-1.0', 'gdk-pixbuf-2.0', 'pango', 'pangocairo', 'cairo',
    'cairo-gobject', 'cairo-pdf', 'cairo-png', 'fontconfig', 'freetype2', 'harfbuzz',
    'sqlite3', 'json-glib-1.0', 'libsoup-3.0', 'libcurl', 'gnutls', 'nettle', 'hogweed',
    'p11-kit-1', 'nss', 'nspr', 'libsecret-1', 'libxml-2.0', 'zlib', 'libpng',
    'libjpeg', 'libtiff-4', 'libopenjp2', 'lcms2', 'libarchive', 'icu-uc', 'icu-i18n',
    'openssl', 'libssl', 'libcrypto', 'libzstd', 'liblzma', 'libffi', 'expat',
}

# Dependencies meson resolves without pkg-config.
MESON_SPECIAL = {'threads', 'dl', 'intl', 'iconv', 'openmp', 'atomic'}

# Bundled module name -> pkg-config names it installs.  Every module but the
# last (our own) must be listed, so the list cannot silently fall behind.
BUNDLED = {
    'poppler-data': {'poppler-data'},
    'poppler': {'poppler', 'poppler-glib'},
    'libxlsxwriter': {'xlsxwriter'},
    'libqrencode': {'libqrencode'},
}

# Oldest release a bundled module may pin, read from its source URL.
MIN_VERSIONS = {
    'poppler': (23, 7),  # poppler-glib signing API; the runtime has none
}

# meson built-in options the manifest may set, with their valid values
# (None: any value).
BUILTIN_OPTIONS = {
    'buildtype': {'plain', 'debug', 'debugoptimized', 'release', 'minsize'},
    'optimization': {'plain', '0', 'g', '1', '2', '3', 's'},
    'debug': {'true', 'false'},
    'b_ndebug': {'true', 'false', 'if-release'},
    'b_lto': {'true', 'false'},
    'werror': {'true', 'false'},
    'warning_level': {'0', '1', '2', '3', 'everything'},
}

HEX64 = re.compile(r'^[0-9a-f]{64}$')
HEX40 = re.compile(r'^[0-9a-f]{40}$')

checks_passed = 0


class CheckFailed(Exception):
    pass


def ok(what):
    global checks_passed
    checks_passed += 1
    print(f'ok   {what}')


def fail(what, why):
    raise CheckFailed(f'FAIL {what}: {why}')


def read(root, *parts):
    with open(os.path.join(root, *parts), encoding='utf-8') as f:
        return f.read()


def strip_comment(line):
    """Drop a meson comment, leaving any '#' inside a string alone."""
    quoted = False
    for i, c in enumerate(line):
        if c == "'":
            quoted = not quoted
        elif c == '#' and not quoted:
            return line[:i]
    return line


def parse_meson_options(root):
    """Return {name: (type, choices or None, default string)}."""
    text = '\n'.join(strip_comment(l) for l in read(root, 'meson_options.txt').splitlines())
    options = {}
    for m in re.finditer(r"option\(\s*'([^']+)'(.*?)\)\s*$", text, re.S | re.M):
        name, rest = m.group(1), m.group(2)
        type_m = re.search(r"type\s*:\s*'([^']+)'", rest)
        if not type_m:
            raise CheckFailed(f"FAIL meson_options.txt: option '{name}' has no type")
        choices_m = re.search(r'choices\s*:\s*\[([^\]]*)\]', rest)
        choices = set(re.findall(r"'([^']*)'", choices_m.group(1))) if choices_m else None
        value_m = re.search(r"value\s*:\s*('([^']*)'|true|false|-?\d+)", rest)
        default = None
        if value_m:
            default = value_m.group(2) if value_m.group(2) is not None else value_m.group(1)
        options[name] = (type_m.group(1), choices, default)
    return options


def option_value_valid(opt_type, choices, value):
    if opt_type == 'boolean':
        return value in ('true', 'false')
    if opt_type == 'combo':
        return choices is not None and value in choices
    if opt_type == 'feature':
        return value in ('enabled', 'disabled', 'auto')
    if opt_type == 'integer':
        return re.fullmatch(r'-?\d+', value) is not None
    if opt_type == 'array':
        return choices is None or all(v.strip() in choices for v in value.split(',') if v.strip())
    return opt_type == 'string'


def manifest_id(manifest):
    ids = [manifest[k] for k in ('id', 'app-id') if k in manifest]
    if len(ids) != 1:
        fail('app id', 'the manifest needs exactly one of "id" or "app-id"')
    return ids[0]


def check_app_id(root, manifest):
    app_id = manifest_id(manifest)
    m = re.search(r"^\s*app_id\s*=\s*'([^']+)'", read(root, 'meson.build'), re.M)
    if not m:
        fail('app id', "no app_id = '…' in the top-level meson.build")
    if app_id != m.group(1):
        fail('app id', f"manifest has '{app_id}', meson.build has '{m.group(1)}'")
    ok(f'app id {app_id} matches meson.build')
    return app_id


def check_data_files(root, app_id, command):
    expected = {
        'desktop file': os.path.join('data', app_id + '.desktop.in'),
        'metainfo': os.path.join('data', app_id + '.metainfo.xml.in'),
        'gschema': os.path.join('data', app_id + '.gschema.xml'),
        'icon': os.path.join('data', 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'),
    }
    for what, path in expected.items():
        if not os.path.isfile(os.path.join(root, path)):
            fail(f'data files', f'the {what} {path} is missing (files must be named after the app id)')
    desktop = read(root, expected['desktop file'])
    if not re.search(rf'^Icon={re.escape(app_id)}\s*$', desktop, re.M):
        fail('data files', f'{expected["desktop file"]} must have Icon={app_id}')
    exec_m = re.search(r'^Exec=(\S+)', desktop, re.M)
    if not exec_m or exec_m.group(1) != command:
        fail('data files', f'{expected["desktop file"]} must start Exec= with the command {command}')
    metainfo = read(root, expected['metainfo'])
    if f'<id>{app_id}</id>' not in metainfo:
        fail('data files', f'{expected["metainfo"]} must have <id>{app_id}</id>')
    if f'>{app_id}.desktop</launchable>' not in metainfo:
        fail('data files', f'{expected["metainfo"]} must launch {app_id}.desktop')
    if not re.search(rf'<schema\s+id="{re.escape(app_id)}"', read(root, expected['gschema'])):
        fail('data files', f'{expected["gschema"]} must declare the schema id {app_id}')
    ok('desktop file, metainfo, gschema and icon are named after the app id and agree with it')


def check_runtime(manifest):
    if manifest.get('runtime') != RUNTIME:
        fail('runtime', f"runtime is {manifest.get('runtime')!r}, expected {RUNTIME}")
    if manifest.get('sdk') != SDK:
        fail('runtime', f"sdk is {manifest.get('sdk')!r}, expected {SDK}")
    version = str(manifest.get('runtime-version', ''))
    if not re.fullmatch(r'\d+', version):
        fail('runtime', f"runtime-version {version!r} is not a stable GNOME branch (e.g. \"51\")")
    ok(f'runtime {RUNTIME}//{version} with {SDK}')


def check_command(root, manifest):
    gui = read(root, 'src', 'gui', 'meson.build')
    m = re.search(r"\bexecutable\(\s*'([^']+)'", gui)
    if not m:
        fail('command', 'src/gui/meson.build builds no executable')
    if manifest.get('command') != m.group(1):
        fail('command', f"manifest runs {manifest.get('command')!r}, src/gui/meson.build builds '{m.group(1)}'")
    ok(f"command {m.group(1)} is the executable built by src/gui/meson.build")
    return m.group(1)


def check_finish_args(manifest):
    args = manifest.get('finish-args', [])
    if not isinstance(args, list):
        fail('finish-args', 'must be a list')
    for arg in args:
        bare = re.sub(r':(ro|rw|create)$', '', arg)
        if bare in BROAD_ARGS and bare not in BROAD_JUSTIFIED:
            fail('finish-args', f'{arg} opens the host to the app; use a portal, or justify it in BROAD_JUSTIFIED')
        if arg not in FINISH_ARGS and bare not in BROAD_JUSTIFIED:
            fail('finish-args', f'{arg} is not in the allowlist (FINISH_ARGS in this script)')
    for arg in ('--socket=wayland', '--socket=fallback-x11', '--share=ipc'):
        if arg not in args:
            fail('finish-args', f'{arg} is missing; a GTK app needs it')
    for arg in args:
        print(f'       {arg}: {FINISH_ARGS.get(arg) or BROAD_JUSTIFIED.get(arg)}')
    ok(f'{len(args)} finish-args, all in the allowlist')


def check_own_module(root, manifest_dir, module, options):
    what = f"module '{module.get('name')}' (last, ours)"
    if module.get('buildsystem') != 'meson':
        fail(what, 'must use "buildsystem": "meson"')
    sources = module.get('sources', [])
    if len(sources) != 1 or sources[0].get('type') != 'dir':
        fail(what, 'must have exactly one source of type "dir"')
    path = os.path.realpath(os.path.join(manifest_dir, sources[0].get('path', '')))
    if path != os.path.realpath(root):
        fail(what, f"its dir source points at {path}, not the project root")
    given = {}
    for opt in module.get('config-opts', []):
        m = re.fullmatch(r'-D([A-Za-z0-9_.:-]+)=(.*)', opt)
        if not m:
            fail(what, f"config-opt {opt!r} is not of the form -Dname=value")
        name, value = m.groups()
        if name in options:
            opt_type, choices, _ = options[name]
            if not option_value_valid(opt_type, choices, value):
                fail(what, f"-D{name}={value} is not a valid value for the {opt_type} option '{name}'")
        elif name in BUILTIN_OPTIONS:
            if value not in BUILTIN_OPTIONS[name]:
                fail(what, f"-D{name}={value} is not a valid value for meson's '{name}'")
        else:
            fail(what, f"-D{name} is not an option in meson_options.txt")
        given[name] = value
    if given.get('tests') != 'false':
        fail(what, 'must pass -Dtests=false: tests need tools the runtime lacks')
    ok(f"{what} builds the project root with meson, options {sorted(given)} valid")
    return given


def source_version(url):
    m = re.search(r'[-_v](\d+)\.(\d+)(?:\.\d+)*\.(?:tar|zip)', url)
    return (int(m.group(1)), int(m.group(2))) if m else None


def check_bundled_module(manifest_dir, module):
    name = module.get('name')
    what = f"module '{name}'"
    if name not in BUNDLED:
        fail(what, 'is not in BUNDLED in this script; add the pkg-config names it installs')
    redundant = BUNDLED[name] & RUNTIME_PKGS
    if redundant:
        fail(what, f"bundles {sorted(redundant)}, which the runtime already ships")
    sources = module.get('sources')
    if not isinstance(sources, list) or not sources:
        fail(what, 'has no sources')
    for source in sources:
        kind = source.get('type')
        if kind in ('archive', 'file') and 'url' in source:
            if not source['url'].startswith('https://'):
                fail(what, f"{source['url']} is not an https URL")
            if not HEX64.match(source.get('sha256', '')):
                fail(what, f"{source['url']} has no 64-hex-digit sha256")
            if name in MIN_VERSIONS:
                version = source_version(source['url'])
                if version is None or version < MIN_VERSIONS[name]:
                    fail(what, f"pins {version}, older than the required {MIN_VERSIONS[name]}")
        elif kind == 'git':
            if not source.get('url', '').startswith('https://') or not source.get('tag') \
                    or not HEX40.match(source.get('commit', '')):
                fail(what, 'a git source needs an https url, a tag and the 40-hex-digit commit of that tag')
        elif kind in ('patch', 'file') and 'path' in source:
            if not os.path.isfile(os.path.join(manifest_dir, source['path'])):
                fail(what, f"local source {source['path']} does not exist next to the manifest")
        else:
            fail(what, f"source of type {kind!r} is neither a pinned download, a pinned git tag nor a local file")
    ok(f"{what} pins its sources ({', '.join(s.get('url', s.get('path', '')) for s in sources)})")


def gated_out(cond_stack, values):
    """True when an enclosing `if [not] get_option('x')` is false for the build."""
    for cond in cond_stack:
        if cond is not None and cond[0] in values and (values[cond[0]] == 'true') != cond[1]:
            return True
    return False


def meson_dependencies(root, values, options):
    """Yield (file, pkg name) for each dependency('…') the Flatpak build reaches.

    Blocks under `if get_option('x')` / `if not get_option('x')` are followed with
    the boolean option values the manifest gives (or their defaults), so that a
    directory like tests/ that the manifest turns off is not counted.
    """
    bool_values = {n: values.get(n, d) for n, (t, _, d) in options.items() if t == 'boolean'}
    skipped_dirs = set()
    found = []
    meson_files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith('.') and d != 'subprojects'
                             and not os.path.isdir(os.path.join(dirpath, d, 'meson-private')))
        if 'meson.build' in filenames:
            meson_files.append(os.path.join(dirpath, 'meson.build'))
    for path in meson_files:  # os.walk is top-down, so parents come first
        here = os.path.dirname(path)
        if any(here == d or here.startswith(d + os.sep) for d in skipped_dirs):
            continue
        stack = []
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = strip_comment(line).strip()
                m = re.fullmatch(r"if\s+(not\s+)?get_option\(\s*'([^']+)'\s*\)", line)
                if m:
                    name = m.group(2)
                    stack.append((name, not m.group(1)) if name in bool_values else None)
                    continue
                if re.match(r'if\b', line):
                    stack.append(None)
                    continue
                if re.match(r'elif\b', line) and stack:
                    stack[-1] = None
                    continue
                if re.fullmatch(r'else', line) and stack:
                    stack[-1] = (stack[-1][0], not stack[-1][1]) if stack[-1] else None
                    continue
                if re.fullmatch(r'endif', line) and stack:
                    stack.pop()
                    continue
                if gated_out(stack, bool_values):
                    sub = re.search(r"\bsubdir\(\s*'([^']+)'", line)
                    if sub:
                        skipped_dirs.add(os.path.join(here, sub.group(1)))
                    continue
                for dep in re.finditer(r"\bdependency\(\s*'([^']*)'", line):
                    if dep.group(1):
                        found.append((os.path.relpath(path, root), dep.group(1)))
    return found


def check_dependencies(root, modules, values, options):
    provided = {}
    for module in modules[:-1]:
        for pkg in BUNDLED.get(module.get('name'), ()):
            provided[pkg] = module.get('name')
    deps = meson_dependencies(root, values, options)
    if not deps:
        fail('dependencies', 'found no dependency() call in any meson.build')
    for where, pkg in deps:
        if pkg in RUNTIME_PKGS or pkg in MESON_SPECIAL or pkg in provided:
            continue
        owner = [n for n, pkgs in BUNDLED.items() if pkg in pkgs]
        if owner:
            fail('dependencies', f"{where} needs {pkg}, but the manifest lacks the module '{owner[0]}' that provides it")
        fail('dependencies', f"{where} needs {pkg}, which is neither in the runtime (RUNTIME_PKGS) nor bundled "
                             f"(BUNDLED); bundle it, or put that part behind an option the manifest turns off")
    names = sorted({p for _, p in deps})
    bundled = sorted({p for p in names if p in provided})
    ok(f"{len(names)} pkg-config dependencies are in the runtime or bundled ({', '.join(names)})"
       + (f"; bundled: {', '.join(bundled)}" if bundled else ''))


def check_flatpak_builder(manifest_path, app_id):
    builder = shutil.which('flatpak-builder')
    if builder is None:
        print('skip flatpak-builder is not installed: --show-manifest not run')
        return
    # flatpak-builder leaves a .flatpak-builder state directory in its working
    # directory, so run it in a throwaway one.
    with tempfile.TemporaryDirectory(prefix='xaso-flatpak-') as tmp:
        proc = subprocess.run([builder, '--show-manifest', manifest_path], cwd=tmp,
                              capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        fail('flatpak-builder --show-manifest', f'exit {proc.returncode}: {proc.stderr.strip()}')
    if 'WARNING' in proc.stderr or 'Unknown property' in proc.stderr:
        fail('flatpak-builder --show-manifest', proc.stderr.strip())
    try:
        shown = json.loads(proc.stdout)
    except ValueError as e:
        fail('flatpak-builder --show-manifest', f'printed no JSON: {e}')
    if shown.get('id', shown.get('app-id')) != app_id:
        fail('flatpak-builder --show-manifest', f'reads the app id as {shown.get("id")!r}')
    ok('flatpak-builder --show-manifest reads the manifest without warnings')


def run(root):
    manifest_path = os.path.join(root, MANIFEST)
    manifest_dir = os.path.dirname(manifest_path)
    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail('manifest', f'{MANIFEST} does not parse: {e}')
    if not isinstance(manifest, dict):
        fail('manifest', 'the top level must be an object')
    ok(f'{MANIFEST} parses')

    app_id = check_app_id(root, manifest)
    check_runtime(manifest)
    command = check_command(root, manifest)
    check_data_files(root, app_id, command)
    check_finish_args(manifest)

    modules = manifest.get('modules')
    if not isinstance(modules, list) or not modules or not all(isinstance(m, dict) for m in modules):
        fail('modules', 'must be a non-empty list of inline module objects')
    options = parse_meson_options(root)
    values = check_own_module(root, manifest_dir, modules[-1], options)
    for module in modules[:-1]:
        check_bundled_module(manifest_dir, module)
    check_dependencies(root, modules, values, options)
    check_flatpak_builder(manifest_path, app_id)


def main():
    if len(sys.argv) != 2:
        print(f'usage: {sys.argv[0]} PROJECT_ROOT', file=sys.stderr)
        return 2
    try:
        run(os.path.abspath(sys.argv[1]))
    except CheckFailed as e:
        print(e, file=sys.stderr)
        return 1
    print(f'all {checks_passed} checks passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
