/*
 * utf8.h - UTF-8 validation, trimming and the comparison key for names.
 */
#ifndef EXO_CORE_UTF8_H
#define EXO_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Byte offset of the first invalid sequence, or -1 when 's' is valid. */
long exo__utf8_invalid_at(const char *s, size_t len);
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
