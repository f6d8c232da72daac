/* SPDX-License-Identifier: BSD-2-Clause */
/* statuslog: reading a document — bytes to slog_doc. */
#ifndef STATUSLOG_PARSE_H
#define STATUSLOG_PARSE_H

#include "statuslog/common.h"
#include "statuslog/config.h"
#include "statuslog/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Largest input accepted, in bytes (512 MiB): larger files are refused with
 * SLOG_ERR_TOO_LARGE rather than exhausting memory. */
#define SLOG_MAX_INPUT_BYTES ((size_t)512 * 1024 * 1024)

typedef struct {
    unsigned version;
    const slog_config *config; /* NULL: the built-in defaults */
    const char *filename;      /* recorded in the document and in errors */
    int no_threads;            /* skip linking items into threads (and similarity) */
    size_t chunk_bytes;        /* a document is read a section at a time, sections grouped
                                  up to this many bytes: 0 the default (64 KiB), SIZE_MAX the
                                  whole document at once; the model is the same */
    unsigned jobs;             /* threads for one document (0 or 1: this one only); a
                                  document of 4 MiB or more has its pieces parsed ahead by
                                  jobs - 1 others; the model is the same (version 3) */
} slog_parse_options;

#define SLOG_PARSE_OPTIONS_VERSION 3
#define SLOG_PARSE_OPTIONS_INIT                                                                    \
    {                                                                                              \
        SLOG_PARSE_OPTIONS_VERSION, NULL, NULL, 0, 0, 0                                            \
    }

/** Parses `len` bytes (copied; the caller keeps its buffer). */
slog_status slog_parse_buffer(const char *data, size_t len, const slog_parse_options *opts,
                              slog_doc **out, slog_error *err);

/** Reads and parses a file; "-" is standard input. A directory, an unreadable
 * file or one above SLOG_MAX_INPUT_BYTES fails with a message naming it. */
slog_status slog_parse_file(const char *path, const slog_parse_options *opts, slog_doc **out,
                            slog_error *err);

/** Reads a whole file ("-": standard input) into a malloc'd buffer (NUL
 * terminated), refusing directories and inputs above SLOG_MAX_INPUT_BYTES. */
slog_status slog_read_file(const char *path, char **data, size_t *len, slog_error *err);

/** The original bytes of a parsed document (before any decoding). */
const char *slog_doc_raw(const slog_doc *doc, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
