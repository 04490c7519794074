/* Frontdoor's C interface: load a rule pack, decide JSON contacts, read diagnostics and refusals.
 *
 * A plain C header (C99 or later, and C++). Every function is declared in libfrontdoor.so and
 * named fd_*. Modelled on sqlite3.h: opaque handles with explicit create/free pairs, integer
 * status codes, and nothing thrown across the boundary: every C++ exception, including running
 * out of memory, becomes a status (FD_NO_MEMORY, FD_INTERNAL).
 *
 * Thread safety: a pack is immutable once loaded. Any number of threads may call fd_decide,
 * fd_decide_into, fd_pack_schema and the fd_pack_* getters on one pack at once. fd_pack_free must
 * not race with any other call on the same pack. A diagnostics list is not shared: use it from one
 * thread at a time.
 *
 * Strings: every const char* argument is a NUL-terminated string unless a length goes with it.
 * JSON text and file contents are given with their length (no terminator needed). Strings the
 * library returns are NUL-terminated UTF-8; their lifetime is stated at each function.
 *
 * Handles: a null handle, a freed one and a pointer the library never gave out are refused
 * (FD_INVALID_ARGUMENT; a getter answers NULL or 0, and a second fd_pack_free or
 * fd_diagnostics_free does nothing): the library keeps the handles it has given out and compares
 * pointers only. A freed handle stops being detectable once its address is given to a new handle of
 * the same kind, so keep no pointer past its free. */
#ifndef FRONTDOOR_FRONTDOOR_H
#define FRONTDOOR_FRONTDOOR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this interface: raised whenever a function or struct changes incompatibly. It is
 * the shared library's SONAME version (libfrontdoor.so.1). Compare with fd_abi_version() at run
 * time to check that the library loaded is the one this header describes. */
#define FRONTDOOR_ABI_VERSION 1

#if defined(FRONTDOOR_BUILDING_C_ABI)
#define FD_API __attribute__((visibility("default")))
#else
#define FD_API
#endif

/* What every fallible call returns. */
typedef enum fd_status {
    FD_OK = 0,
    FD_REFUSED = 1,          /* the contact was refused: see the fd_refusal filled in */
    FD_PACK_ERRORS = 2,      /* the pack did not load: see the diagnostics */
    FD_BUFFER_TOO_SMALL = 3, /* fd_decide_into: *length says how many bytes the answer needs */
    FD_INVALID_ARGUMENT = 4, /* a required pointer was null, or an index out of range */
    FD_NO_MEMORY = 5,        /* memory ran out; nothing was returned */
    FD_INTERNAL = 6          /* a bug in Frontdoor; nothing was returned */
} fd_status;

/* A short English sentence naming `status` (static storage; never null). */
FD_API const char* fd_status_text(int status);

/* FRONTDOOR_ABI_VERSION of the library loaded. */
FD_API int fd_abi_version(void);
/* The engine's version, e.g. "0.1.0" (static storage), as recorded with decisions in a log. */
FD_API const char* fd_engine_version(void);

/* ---- Loading a pack -------------------------------------------------------------------------- */

typedef struct fd_pack fd_pack;               /* a loaded rule pack: immutable, shareable */
typedef struct fd_diagnostics fd_diagnostics; /* the diagnostics of one load */

typedef enum fd_severity { FD_SEVERITY_ERROR = 0, FD_SEVERITY_WARNING = 1, FD_SEVERITY_NOTE = 2 } fd_severity;

/* One diagnostic, pointing into its list: valid until fd_diagnostics_free. */
typedef struct fd_diagnostic {
    fd_severity severity;
    const char* file;     /* the file as the loader names it, e.g. "rules/example/intake.rules" */
    unsigned line;        /* 1-based; 0 when the message is about the pack as a whole */
    unsigned column;      /* 1-based, in characters */
    const char* message;  /* e.g. "unknown indicator 'neglekt'; did you mean 'neglect'?" */
    const char* rendered; /* "file:line:col: error: message", the source line, the caret, notes */
} fd_diagnostic;

/* One file of a pack held in memory: `name` is its path relative to the pack (e.g.
 * "intake.rules", "bank-holidays.json"); `content` holds `content_length` bytes. */
typedef struct fd_file {
    const char* name;
    const char* content;
    size_t content_length;
} fd_file;

/* Loads every *.rules file in `directory` and the data files they name. On FD_OK, *pack is a new
 * pack (free it with fd_pack_free). On FD_PACK_ERRORS, *pack is null and the errors are in the
 * diagnostics. If `diagnostics` is not null, *diagnostics receives the load's diagnostics (errors
 * and warnings, sorted by position; possibly none) on FD_OK and FD_PACK_ERRORS, and null otherwise;
 * free it with fd_diagnostics_free. */
FD_API int fd_pack_load_directory(const char* directory, fd_pack** pack, fd_diagnostics** diagnostics);

/* The same from `count` files held in memory; `label` names the pack in diagnostics (e.g. the
 * directory it came from). The files are copied: the caller may free them on return. */
FD_API int fd_pack_load_files(const char* label, const fd_file* files, size_t count, fd_pack** pack,
                              fd_diagnostics** diagnostics);

/* Frees a pack (null is allowed and does nothing). */
FD_API void fd_pack_free(fd_pack* pack);

/* The pack's name, version and digest ("sha256:<hex>"): valid while the pack lives. Null for a null
 * pack. */
FD_API const char* fd_pack_name(const fd_pack* pack);
FD_API const char* fd_pack_version(const fd_pack* pack);
FD_API const char* fd_pack_digest(const fd_pack* pack);

/* The JSON Schema (2020-12) of the pack's declared input, in a new buffer of *length bytes plus a
 * NUL: free it with fd_free. */
FD_API int fd_pack_schema(const fd_pack* pack, char** schema, size_t* length);

/* The number of diagnostics in a list (0 for null), one of them by index (FD_INVALID_ARGUMENT when
 * out of range), and the list's release (null is allowed). */
FD_API size_t fd_diagnostics_count(const fd_diagnostics* diagnostics);
FD_API int fd_diagnostics_get(const fd_diagnostics* diagnostics, size_t index, fd_diagnostic* diagnostic);
FD_API void fd_diagnostics_free(fd_diagnostics* diagnostics);

/* ---- Deciding a contact ---------------------------------------------------------------------- */

/* Flags for fd_decide and fd_decide_into. */
#define FD_DECIDE_EXPLAIN 1u /* include the explanation (the decision schema requires it) */
/* With FD_DECIDE_EXPLAIN: write each explanation entry's fixed members as "$ref": K, an entry of
 * fd_pack_explanation_dictionary (as `frontdoor eval --explain compact`), about half the bytes;
 * fd_pack_expand_explanation writes it in full again. Alone, or with any other bit set, a decide
 * call is FD_INVALID_ARGUMENT. */
#define FD_DECIDE_COMPACT 2u

/* Why a contact was refused. Both strings are owned by the library: release them with
 * fd_refusal_clear (which sets them to null; clearing an empty refusal does nothing). */
typedef struct fd_refusal {
    char* path;    /* a JSON pointer to the value at fault ("" = the whole document) */
    char* message; /* what was expected there */
} fd_refusal;

/* Decides one JSON document (`json_length` bytes of `json`; invalid JSON, invalid UTF-8 and values
 * the pack's input declaration does not allow are refusals). On FD_OK, *decision is a new buffer
 * holding the decision object as one line of JSON (*length bytes plus a NUL; `length` may be null):
 * free it with fd_free. On FD_REFUSED, *decision is null and, if `refusal` is not null, it is
 * filled in. `refusal` is untouched on any other status. Thread-safe. */
FD_API int fd_decide(const fd_pack* pack, const char* json, size_t json_length, unsigned flags, char** decision,
                     size_t* length, fd_refusal* refusal);

/* The same into the caller's `buffer` of `capacity` bytes. *length always receives the decision's
 * length without its NUL (when `length` is not null): on FD_OK the decision and a NUL are in
 * `buffer`; on FD_BUFFER_TOO_SMALL (capacity <= *length) nothing was written, and a buffer of
 * *length + 1 bytes will do. `buffer` may be null when `capacity` is 0, to ask for the size. */
FD_API int fd_decide_into(const fd_pack* pack, const char* json, size_t json_length, unsigned flags, char* buffer,
                          size_t capacity, size_t* length, fd_refusal* refusal);

FD_API void fd_refusal_clear(fd_refusal* refusal);

/* What the pack's compact explanations refer to (`frontdoor explain-dictionary`'s bytes), in a new
 * buffer of *length bytes plus a NUL (`length` may be null): free it with fd_free. */
FD_API int fd_pack_explanation_dictionary(const fd_pack* pack, char** dictionary, size_t* length);

/* A decision this pack made (`decision_length` bytes), with its compact explanation written in full:
 * the bytes fd_decide gives with FD_DECIDE_EXPLAIN alone, in a new buffer as fd_decide's (a full
 * decision comes back as it is). FD_INVALID_ARGUMENT when it is not one of this pack's decisions
 * (another digest, no ruleset, an entry the dictionary does not have), with *expanded null. */
FD_API int fd_pack_expand_explanation(const fd_pack* pack, const char* decision, size_t decision_length,
                                      char** expanded, size_t* length);

/* Frees a buffer the library returned (null is allowed). */
FD_API void fd_free(void* buffer);

#ifdef __cplusplus
}
#endif

#endif /* FRONTDOOR_FRONTDOOR_H */
