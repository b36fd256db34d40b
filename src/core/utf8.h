/*
 * utf8.h - UTF-8 validation, trimming and the comparison key for names.
 */
#ifndef EXO_CORE_UTF8_H
#define EXO_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Byte offset of the first invalid sequence, or -1 when 's' is valid. */
long exo__utf8_invalid_at(const char *s, size_t len);
/* What exo__text_bad_char found. */
enum exo_bad_char { EXO_BAD_UTF8 = 1, EXO_BAD_CONTROL, EXO_BAD_BIDI };

/*
 * Byte offset of the first character a value may not hold, or -1 when
 * there is none: invalid UTF-8 (overlong forms and UTF-16 surrogates
 * included), a C0 control other than tab, LF and CR, DEL, or a C1 control.
 * A name ('name' true) also may not hold tab, LF or CR, nor a
 * bidirectional embedding, override or isolate (U+202A-U+202E,
 * U+2066-U+2069), which make a name display as another. '*kind' says
 * which and 'what' describes it ("control character U+001B", "invalid
 * UTF-8 byte 0xC0").
 */
long exo__text_bad_char(const char *s, size_t len, bool name,
                        enum exo_bad_char *kind, char *what, size_t size);
/* Number of characters (code points) in the first 'len' bytes. */
size_t exo__utf8_chars(const char *s, size_t len);
/* Trims Unicode white space at both ends, in place; returns the length. */
size_t exo__utf8_trim(char *s, size_t len);
/*
 * The key names are compared by: trimmed, inner white space collapsed,
 * NFC-normalised and case-folded ("Google  DeepMind " -> "google deepmind").
 * Caller frees with exo__free; NULL on allocation failure or bad UTF-8.
 */
char *exo__name_key(const char *s);
/* True when the first 'len' bytes of 's' are all ASCII (and so valid). */
bool exo__is_ascii(const char *s, size_t len);
/*
 * exo__name_key for ASCII 's' of 'len' bytes, written to 'key' (room for
 * len + 1 bytes) without allocating; returns the key's length.
 */
size_t exo__ascii_name_key(const char *s, size_t len, char *key);

#endif
