/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text decoded with the wrong legacy encoding (TCVN3, VNI, Windows-1258 read
 * as Latin-1) is full of words that no Vietnamese spelling allows, such as
 * "NguyÔn", "V¨n" or "Nguyeãn".  Counting which words are well-formed
 * syllables tells which decoding of a file is the right one.
 */

/* TRUE when @word (UTF-8, @len bytes or -1; NFC or NFD) is a well-formed
 * Vietnamese syllable: an optional onset (b c ch d đ g gh gi h k kh l m n ng
 * ngh nh p ph qu r s t th tr v x), a rhyme from the rhyme tables of
 * Vietnamese orthography (a vowel nucleus such as a, ă, ươ, uyê or oai, then
 * a coda c ch m n ng nh p t where that nucleus takes one), and at most one
 * tone mark on a vowel of the rhyme.  Which vowel of "oa", "oe" or "uy"
 * carries the tone is left free ("hoà" and "hòa" are both valid), but a
 * syllable closed by c, ch, p or t must carry the acute or the dot below,
 * and the tone never sits on a closing glide ("xão", not "xaõ").  The word
 * may be in lower case, upper case or capitalised, not in mixed case
 * ("trÊn").  Digits, punctuation and letters outside the Vietnamese
 * alphabet make it FALSE.
 */
gboolean xaso_syllable_is_vietnamese (const char *word,
                                      gssize      len);

/* Counts the words of @text (split on anything that is not a letter or a
 * combining mark) that contain at least one non-ASCII character: those that
 * are Vietnamese syllables in @n_vietnamese, the others in @n_foreign.
 * Pure-ASCII words are not counted.  Either out pointer may be NULL.
 */
void     xaso_syllable_count_words   (const char *text,
                                      gssize      len,
                                      guint      *n_vietnamese,
                                      guint      *n_foreign);

G_END_DECLS
