/* The C interface as a C program sees it (compiled as C11, not C++): loading from memory and from a
 * directory, decisions into library-owned and caller-owned buffers, refusals and diagnostics as
 * values, misuse (null pointers, freed and unknown handles, invalid UTF-8, a buffer too small) and
 * concurrent decides.
 * Usage: test_c_abi <hackney pack directory>. Prints one line per failed check; exits 1 on any. */
#include <frontdoor/frontdoor.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(condition)                                                           \
    do {                                                                           \
        if (!(condition)) {                                                        \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            ++failures;                                                            \
        }                                                                          \
    } while (0)

static const char tiny_rules[] =
    "pack tiny version \"1\" [source \"c test\"]\n"
    "calendar utc\n"
    "  timezone \"UTC\" rules \"UTC0\"\n"
    "  open monday to friday 09:00 to 17:00\n"
    "record doc\n"
    "  count: integer\n"
    "input x: doc\n"
    "decision big: text (first match)\n"
    "  \"yes\" when x.count >= 3 [source \"b1\"]\n"
    "  \"no\" otherwise [source \"b2\"]\n"
    "output times in utc\n"
    "  big = big\n";

static fd_pack* load_tiny(void) {
    fd_file file = {"tiny.rules", tiny_rules, sizeof tiny_rules - 1};
    fd_pack* pack = NULL;
    fd_diagnostics* diagnostics = NULL;
    CHECK(fd_pack_load_files("tiny", &file, 1, &pack, &diagnostics) == FD_OK);
    CHECK(pack != NULL);
    /* The pack loads with one warning, which reaches a C caller as a value like an error does:
     * check's analysis finds that counts below 3 get only the 'otherwise' row. */
    CHECK(diagnostics != NULL && fd_diagnostics_count(diagnostics) == 1);
    fd_diagnostic warning;
    CHECK(fd_diagnostics_get(diagnostics, 0, &warning) == FD_OK);
    CHECK(warning.severity == FD_SEVERITY_WARNING);
    CHECK(warning.line == 10 && warning.column == 3);
    fd_diagnostics_free(diagnostics);
    return pack;
}

static void test_versions(void) {
    CHECK(fd_abi_version() == FRONTDOOR_ABI_VERSION);
    CHECK(strlen(fd_engine_version()) > 0);
    CHECK(strcmp(fd_status_text(FD_BUFFER_TOO_SMALL), "the buffer is too small for the answer") == 0);
    CHECK(strcmp(fd_status_text(99), "unknown status") == 0);
}

static void test_decide_library_buffer(fd_pack* pack) {
    const char contact[] = "{\"count\": 4}";
    char* decision = NULL;
    size_t length = 0;
    CHECK(fd_decide(pack, contact, strlen(contact), 0, &decision, &length, NULL) == FD_OK);
    CHECK(decision != NULL && strncmp(decision, "{\"big\":\"yes\",\"ruleset\":{\"name\":\"tiny\"", 32) == 0);
    CHECK(decision != NULL && length == strlen(decision) && strstr(decision, "explanation") == NULL);
    fd_free(decision);
    CHECK(fd_decide(pack, contact, strlen(contact), FD_DECIDE_EXPLAIN, &decision, &length, NULL) == FD_OK);
    CHECK(decision != NULL && strstr(decision, "\"source\":\"b1\"") != NULL);
    fd_free(decision);
}

/* The compact explanation: shorter, "$ref"s into the dictionary, and expanded to the full bytes. */
static void test_compact_explanation(fd_pack* pack) {
    const char contact[] = "{\"count\": 4}";
    char *full = NULL, *compact = NULL, *expanded = NULL, *dictionary = NULL;
    size_t full_length = 0, compact_length = 0, expanded_length = 0, dictionary_length = 0;
    CHECK(fd_decide(pack, contact, strlen(contact), FD_DECIDE_EXPLAIN, &full, &full_length, NULL) == FD_OK);
    CHECK(fd_decide(pack, contact, strlen(contact), FD_DECIDE_EXPLAIN | FD_DECIDE_COMPACT, &compact, &compact_length,
                    NULL) == FD_OK);
    CHECK(compact != NULL && strstr(compact, "\"$ref\"") != NULL && compact_length < full_length);
    if (compact != NULL) {
        CHECK(fd_pack_expand_explanation(pack, compact, compact_length, &expanded, &expanded_length) == FD_OK);
        CHECK(expanded != NULL && full != NULL && expanded_length == full_length && strcmp(expanded, full) == 0);
    }
    CHECK(fd_pack_explanation_dictionary(pack, &dictionary, &dictionary_length) == FD_OK);
    CHECK(dictionary != NULL && dictionary_length == strlen(dictionary) &&
          strstr(dictionary, "\"format\":\"frontdoor-explain-dictionary/1\"") != NULL &&
          strstr(dictionary, fd_pack_digest(pack)) != NULL);
    fd_free(full);
    fd_free(compact);
    fd_free(expanded);
    fd_free(dictionary);

    /* Misuse: compact without the explanation, a flag the header does not define, a decision that is
     * not this pack's, null pointers. */
    char* decision = (char*)"untouched";
    CHECK(fd_decide(pack, contact, strlen(contact), FD_DECIDE_COMPACT, &decision, NULL, NULL) == FD_INVALID_ARGUMENT);
    CHECK(decision == NULL);
    CHECK(fd_decide(pack, contact, strlen(contact), 4u, &decision, NULL, NULL) == FD_INVALID_ARGUMENT);
    char buffer[16];
    CHECK(fd_decide_into(pack, contact, strlen(contact), FD_DECIDE_COMPACT, buffer, sizeof buffer, NULL, NULL) ==
          FD_INVALID_ARGUMENT);
    const char other[] = "{\"big\":\"yes\",\"ruleset\":{\"name\":\"x\",\"version\":\"1\",\"digest\":\"sha256:00\"}}";
    expanded = (char*)"untouched";
    CHECK(fd_pack_expand_explanation(pack, other, strlen(other), &expanded, NULL) == FD_INVALID_ARGUMENT);
    CHECK(expanded == NULL);
    CHECK(fd_pack_expand_explanation(pack, "not json", 8, &expanded, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_expand_explanation(pack, NULL, 3, &expanded, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_expand_explanation(NULL, other, strlen(other), &expanded, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_expand_explanation(pack, other, strlen(other), NULL, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_explanation_dictionary(NULL, &dictionary, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_explanation_dictionary(pack, NULL, NULL) == FD_INVALID_ARGUMENT);
}

static void test_decide_caller_buffer(fd_pack* pack) {
    const char contact[] = "{\"count\": 1}";
    char* expected = NULL;
    CHECK(fd_decide(pack, contact, strlen(contact), 0, &expected, NULL, NULL) == FD_OK);
    if (expected == NULL) return;
    CHECK(strncmp(expected, "{\"big\":\"no\",", 12) == 0);
    char small[4] = "xyz";
    size_t length = 0;
    CHECK(fd_decide_into(pack, contact, strlen(contact), 0, small, sizeof small, &length, NULL) == FD_BUFFER_TOO_SMALL);
    CHECK(length == strlen(expected));
    CHECK(strcmp(small, "xyz") == 0); /* nothing written */
    CHECK(fd_decide_into(pack, contact, strlen(contact), 0, NULL, 0, &length, NULL) == FD_BUFFER_TOO_SMALL);
    CHECK(length == strlen(expected));
    /* Exactly the length, without room for the NUL, is still too small. */
    char buffer[512];
    CHECK(length < sizeof buffer);
    CHECK(fd_decide_into(pack, contact, strlen(contact), 0, buffer, length, &length, NULL) == FD_BUFFER_TOO_SMALL);
    CHECK(fd_decide_into(pack, contact, strlen(contact), 0, buffer, length + 1, &length, NULL) == FD_OK);
    CHECK(strcmp(buffer, expected) == 0);
    fd_free(expected);
}

static void test_refusals(fd_pack* pack) {
    const char wrong_type[] = "{\"count\": \"three\"}";
    fd_refusal refusal = {NULL, NULL};
    char* decision = (char*)"untouched";
    CHECK(fd_decide(pack, wrong_type, strlen(wrong_type), 0, &decision, NULL, &refusal) == FD_REFUSED);
    CHECK(decision == NULL);
    CHECK(refusal.path != NULL && strcmp(refusal.path, "/count") == 0);
    CHECK(refusal.message != NULL && strcmp(refusal.message, "expected a whole number, got text") == 0);
    fd_refusal_clear(&refusal);
    CHECK(refusal.path == NULL && refusal.message == NULL);
    fd_refusal_clear(&refusal); /* clearing twice is harmless */

    /* Invalid UTF-8 inside a JSON string is a refusal, never a crash. */
    const char bad_utf8[] = "{\"count\": 1, \"name\": \"\xff\xfe\"}";
    CHECK(fd_decide(pack, bad_utf8, strlen(bad_utf8), 0, &decision, NULL, &refusal) == FD_REFUSED);
    CHECK(refusal.message != NULL && strlen(refusal.message) > 0);
    fd_refusal_clear(&refusal);

    /* The caller-owned variant refuses the same way, and a null refusal is allowed. */
    char buffer[64];
    CHECK(fd_decide_into(pack, "{", 1, 0, buffer, sizeof buffer, NULL, &refusal) == FD_REFUSED);
    CHECK(refusal.path != NULL && strcmp(refusal.path, "") == 0);
    fd_refusal_clear(&refusal);
    CHECK(fd_decide(pack, "[]", 2, 0, &decision, NULL, NULL) == FD_REFUSED);
}

static void test_null_pointers(fd_pack* pack) {
    char* decision = NULL;
    fd_pack* out = NULL;
    fd_diagnostic diagnostic;
    CHECK(fd_decide(NULL, "{}", 2, 0, &decision, NULL, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_decide(pack, NULL, 2, 0, &decision, NULL, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_decide(pack, "{}", 2, 0, NULL, NULL, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_decide_into(pack, "{}", 2, 0, NULL, 10, NULL, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_load_directory(NULL, &out, NULL) == FD_INVALID_ARGUMENT && out == NULL);
    CHECK(fd_pack_load_directory("/nonexistent", NULL, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_load_files(NULL, NULL, 0, &out, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_load_files("x", NULL, 1, &out, NULL) == FD_INVALID_ARGUMENT);
    fd_file nameless = {NULL, "", 0};
    CHECK(fd_pack_load_files("x", &nameless, 1, &out, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_name(NULL) == NULL && fd_pack_digest(NULL) == NULL && fd_pack_version(NULL) == NULL);
    CHECK(fd_pack_schema(NULL, &decision, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_diagnostics_count(NULL) == 0);
    CHECK(fd_diagnostics_get(NULL, 0, &diagnostic) == FD_INVALID_ARGUMENT);
    fd_pack_free(NULL);
    fd_diagnostics_free(NULL);
    fd_refusal_clear(NULL);
    fd_free(NULL);
}

/* A freed handle, or a pointer the library never gave, is refused like a null one, and a second
 * free does nothing (the library keeps the handles it gave out; only pointers are compared). */
static void test_freed_handles(void) {
    fd_file file = {"tiny.rules", tiny_rules, sizeof tiny_rules - 1};
    fd_pack* pack = NULL;
    fd_diagnostics* diagnostics = NULL;
    CHECK(fd_pack_load_files("tiny", &file, 1, &pack, &diagnostics) == FD_OK && pack != NULL);
    fd_pack_free(pack);
    fd_diagnostics_free(diagnostics);
    char* decision = NULL;
    char buffer[64];
    fd_diagnostic diagnostic;
    CHECK(fd_decide(pack, "{\"count\": 1}", 12, 0, &decision, NULL, NULL) == FD_INVALID_ARGUMENT && decision == NULL);
    CHECK(fd_decide_into(pack, "{\"count\": 1}", 12, 0, buffer, sizeof buffer, NULL, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_schema(pack, &decision, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_name(pack) == NULL && fd_pack_version(pack) == NULL && fd_pack_digest(pack) == NULL);
    CHECK(fd_diagnostics_count(diagnostics) == 0);
    CHECK(fd_diagnostics_get(diagnostics, 0, &diagnostic) == FD_INVALID_ARGUMENT);
    fd_pack_free(pack);               /* a second free: nothing happens */
    fd_diagnostics_free(diagnostics); /* likewise */
    fd_pack* never_given = (fd_pack*)buffer;
    CHECK(fd_decide(never_given, "{}", 2, 0, &decision, NULL, NULL) == FD_INVALID_ARGUMENT);
    CHECK(fd_pack_name(never_given) == NULL);
    fd_pack_free(never_given); /* not the library's: left alone */
}

static void test_pack_with_errors(void) {
    static const char misspelt[] =
        "pack t version \"1\"\n"
        "calendar office\n"
        "  timezone \"UTC\" rules \"UTC0\"\n"
        "  open monday to friday 09:00 to 17:00\n"
        "record r\n"
        "  count: integer\n"
        "input x: r\n"
        "output times in office\n"
        "  v = v\n"
        "let threshold = 3 [source \"s\"]\n"
        "let v = x.count >= threshhold [source \"s\"]\n";
    fd_file file = {"pack.rules", misspelt, sizeof misspelt - 1};
    fd_pack* pack = (fd_pack*)&file; /* must be overwritten with null */
    fd_diagnostics* diagnostics = NULL;
    CHECK(fd_pack_load_files("misspelt", &file, 1, &pack, &diagnostics) == FD_PACK_ERRORS);
    CHECK(pack == NULL);
    CHECK(fd_diagnostics_count(diagnostics) == 1);
    fd_diagnostic d;
    CHECK(fd_diagnostics_get(diagnostics, 0, &d) == FD_OK);
    CHECK(d.severity == FD_SEVERITY_ERROR);
    CHECK(strstr(d.file, "pack.rules") != NULL);
    CHECK(d.line == 11 && d.column == 20);
    CHECK(strcmp(d.message, "unknown name 'threshhold'; did you mean 'threshold'?") == 0);
    CHECK(strstr(d.rendered, "pack.rules:11:20: error: unknown name 'threshhold'") != NULL);
    CHECK(strstr(d.rendered, "^~~~~~~~~~") != NULL);
    CHECK(fd_diagnostics_get(diagnostics, 1, &d) == FD_INVALID_ARGUMENT);
    fd_diagnostics_free(diagnostics);

    /* A rule file that is not UTF-8 is a diagnostic, not a crash. */
    static const char not_utf8[] = "pack t version \"\xff\"\n";
    fd_file bad = {"bad.rules", not_utf8, sizeof not_utf8 - 1};
    CHECK(fd_pack_load_files("bad", &bad, 1, &pack, &diagnostics) == FD_PACK_ERRORS);
    int found = 0;
    for (size_t i = 0; i < fd_diagnostics_count(diagnostics); ++i) {
        CHECK(fd_diagnostics_get(diagnostics, i, &d) == FD_OK);
        found += d.line == 1 && d.column == 17 && strstr(d.message, "not valid UTF-8 (byte 0xFF)") != NULL;
    }
    CHECK(found == 1);
    fd_diagnostics_free(diagnostics);
    /* Without a diagnostics list the status alone tells. */
    CHECK(fd_pack_load_files("bad", &bad, 1, &pack, NULL) == FD_PACK_ERRORS && pack == NULL);
}

static void test_directory(const char* directory) {
    fd_pack* pack = NULL;
    CHECK(fd_pack_load_directory(directory, &pack, NULL) == FD_OK);
    if (pack == NULL) return;
    CHECK(strcmp(fd_pack_name(pack), "hackney_mash") == 0);
    CHECK(strncmp(fd_pack_digest(pack), "sha256:", 7) == 0);
    char* schema = NULL;
    size_t length = 0;
    CHECK(fd_pack_schema(pack, &schema, &length) == FD_OK);
    CHECK(schema != NULL && length == strlen(schema) && strstr(schema, "2020-12") != NULL);
    fd_free(schema);
    fd_pack_free(pack);
    fd_diagnostics* diagnostics = NULL;
    CHECK(fd_pack_load_directory("/nonexistent/pack", &pack, &diagnostics) == FD_PACK_ERRORS);
    CHECK(fd_diagnostics_count(diagnostics) >= 1);
    fd_diagnostics_free(diagnostics);
}

#define THREADS 4
#define ROUNDS 200
#define COUNTS 6

struct worker {
    fd_pack* pack;
    char* const* expected; /* the answer for each count, decided on one thread beforehand */
    int wrong;
};

static void* decide_many(void* argument) {
    struct worker* w = (struct worker*)argument;
    for (int i = 0; i < ROUNDS; ++i) {
        char contact[32];
        char buffer[1024];
        int count = i % COUNTS;
        snprintf(contact, sizeof contact, "{\"count\": %d}", count);
        if (fd_decide_into(w->pack, contact, strlen(contact), FD_DECIDE_EXPLAIN, buffer, sizeof buffer, NULL, NULL) != FD_OK ||
            strcmp(buffer, w->expected[count]) != 0) {
            ++w->wrong;
        }
    }
    return NULL;
}

static void test_threads(fd_pack* pack) {
    pthread_t threads[THREADS];
    struct worker workers[THREADS];
    char* expected[COUNTS] = {NULL};
    for (int count = 0; count < COUNTS; ++count) {
        char contact[32];
        snprintf(contact, sizeof contact, "{\"count\": %d}", count);
        CHECK(fd_decide(pack, contact, strlen(contact), FD_DECIDE_EXPLAIN, &expected[count], NULL, NULL) == FD_OK);
        if (expected[count] == NULL) return;
    }
    for (int i = 0; i < THREADS; ++i) {
        workers[i].pack = pack;
        workers[i].expected = expected;
        workers[i].wrong = 0;
        CHECK(pthread_create(&threads[i], NULL, decide_many, &workers[i]) == 0);
    }
    for (int i = 0; i < THREADS; ++i) {
        pthread_join(threads[i], NULL);
        CHECK(workers[i].wrong == 0);
    }
    for (int count = 0; count < COUNTS; ++count) fd_free(expected[count]);
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: test_c_abi <hackney pack directory>\n");
        return 2;
    }
    test_versions();
    fd_pack* pack = load_tiny();
    if (pack != NULL) {
        test_decide_library_buffer(pack);
        test_decide_caller_buffer(pack);
        test_compact_explanation(pack);
        test_refusals(pack);
        test_null_pointers(pack);
        test_threads(pack);
        fd_pack_free(pack);
    }
    test_freed_handles();
    test_pack_with_errors();
    test_directory(argv[1]);
    if (failures > 0) {
        fprintf(stderr, "%d checks failed\n", failures);
        return 1;
    }
    printf("all C interface checks passed\n");
    return 0;
}
