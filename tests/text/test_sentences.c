/*
 * test_sentences.c — split_sentences() on text written for these tests:
 * abbreviations, initials, numbers, quotes, ellipses, line breaks.
 */
#include "testing.h"

#include "../../src/text/text.h"

/* Splits s and checks the sentences are exactly want[0..n). */
static void expect_sentences(const char *s, const char *const *want, int n)
{
    Arena arena;
    arena_init(&arena);
    Span *out = NULL;
    int count = 0, cap = 0;
    int added = split_sentences(s, (Span){0, strlen(s)}, &arena, &out, &count, &cap);
    assert_int_equal(added, count);
    if (count != n) {
        for (int i = 0; i < count; i++)
            print_message("  got [%d] %.*s\n", i, (int)(out[i].end - out[i].start),
                          s + out[i].start);
    }
    assert_int_equal(count, n);
    for (int i = 0; i < n; i++) {
        size_t len = out[i].end - out[i].start;
        if (len != strlen(want[i]) || memcmp(s + out[i].start, want[i], len))
            fail_msg("sentence %d: got \"%.*s\", want \"%s\"", i, (int)len, s + out[i].start,
                     want[i]);
    }
    arena_free(&arena);
}

#define EXPECT(s, ...)                                                                             \
    do {                                                                                           \
        const char *const w_[] = {__VA_ARGS__};                                                    \
        expect_sentences(s, w_, (int)(sizeof w_ / sizeof w_[0]));                                  \
    } while (0)

static void test_plain_sentences(void **state)
{
    (void)state;
    EXPECT("The army advanced. Rebels withdrew! Was it planned? Nobody knows.",
           "The army advanced.", "Rebels withdrew!", "Was it planned?", "Nobody knows.");
    EXPECT("  One sentence without a period  ", "One sentence without a period");
}

static void test_abbreviations(void **state)
{
    (void)state;
    EXPECT("The U.S. military said so. The U.N. envoy left.", "The U.S. military said so.",
           "The U.N. envoy left.");
    EXPECT("Aid came from the U.K. The convoy arrived later.", "Aid came from the U.K.",
           "The convoy arrived later.");
    EXPECT("Gen. Smith met Lt. Col. Jones and Maj. Brown. They talked.",
           "Gen. Smith met Lt. Col. Jones and Maj. Brown.", "They talked.");
    EXPECT("Dr. Ahmad and Mr. Ali saw Mrs. Hana on St. George street.",
           "Dr. Ahmad and Mr. Ali saw Mrs. Hana on St. George street.");
    EXPECT("It began on Sept. 5 and ended Nov. 8, near No. 4 camp. Then quiet.",
           "It began on Sept. 5 and ended Nov. 8, near No. 4 camp.", "Then quiet.");
    EXPECT("Shelling began at 6 a.m. and stopped at 9 p.m. on Monday.",
           "Shelling began at 6 a.m. and stopped at 9 p.m. on Monday.");
    EXPECT("They took arms, food, etc. and left. Rebels vs. the army again.",
           "They took arms, food, etc. and left.", "Rebels vs. the army again.");
    EXPECT("Some groups, e.g. the militias, i.e. local men, stayed.",
           "Some groups, e.g. the militias, i.e. local men, stayed.");
    EXPECT("He left at 5 p.m. The attack began an hour later.", "He left at 5 p.m.",
           "The attack began an hour later.");
}

static void test_initials_and_numbers(void **state)
{
    (void)state;
    EXPECT("John F. Kennedy spoke. About 2,500 fighters moved 1.5 kilometers.",
           "John F. Kennedy spoke.", "About 2,500 fighters moved 1.5 kilometers.");
    EXPECT("The toll rose in 2016. In 2017 it fell.", "The toll rose in 2016.", "In 2017 it fell.");
}

static void test_quotes_and_ellipses(void **state)
{
    (void)state;
    EXPECT("“We will win.” The commander left.", "“We will win.”", "The commander left.");
    EXPECT("He said \"it is over.\" Then he left.", "He said \"it is over.\"", "Then he left.");
    EXPECT("“Stop!” he shouted. Nobody did.", "“Stop!” he shouted.", "Nobody did.");
    EXPECT("They waited… and waited. Then… Nothing.", "They waited… and waited.", "Then…",
           "Nothing.");
    EXPECT("The forces found… 100 bodies, police said.",
           "The forces found… 100 bodies, police said.");
}

static void test_line_breaks(void **state)
{
    (void)state;
    /* A headline without a final period, then its body. */
    EXPECT("Army takes the hill\nTroops captured it at dawn.", "Army takes the hill",
           "Troops captured it at dawn.");
    /* Blank lines always end sentences. */
    EXPECT("A paragraph without a period\n\nand another one", "A paragraph without a period",
           "and another one");
    /* A hard-wrapped sentence runs on into a lower-case line. */
    EXPECT("The convoy moved along the road towards\nthe besieged town. It arrived.",
           "The convoy moved along the road towards\nthe besieged town.", "It arrived.");
    /* No-break spaces after a period still separate sentences. */
    EXPECT("It fell.\xC2\xA0The town is quiet.", "It fell.", "The town is quiet.");
}

static void test_cr_line_ends(void **state)
{
    (void)state;
    /* Text documents keep their input's line ends: "\r\n" and a lone "\r"
     * end lines as "\n" does, and no sentence starts or ends with a CR. */
    EXPECT("Army takes the hill\r\nTroops captured it at dawn.\r\n", "Army takes the hill",
           "Troops captured it at dawn.");
    EXPECT("Army takes the hill\rTroops captured it at dawn.\r", "Army takes the hill",
           "Troops captured it at dawn.");
    EXPECT("A paragraph without a period\r\n\r\nand another one", "A paragraph without a period",
           "and another one");
    EXPECT("A paragraph without a period\r\rand another one", "A paragraph without a period",
           "and another one");
    EXPECT("The convoy moved along the road towards\r\nthe besieged town. It arrived.",
           "The convoy moved along the road towards\r\nthe besieged town.", "It arrived.");
    EXPECT("It fell.\r\nThe town is quiet.\r\n", "It fell.", "The town is quiet.");
}

static void test_span_offsets(void **state)
{
    (void)state;
    const char *s = "xx  First one. Second one.  yy";
    Arena arena;
    arena_init(&arena);
    Span *out = NULL;
    int count = 0, cap = 0;
    /* Only the middle part; offsets are into the whole text. */
    split_sentences(s, (Span){2, 27}, &arena, &out, &count, &cap);
    assert_int_equal(count, 2);
    assert_int_equal(out[0].start, 4);
    assert_int_equal(out[0].end, 14);
    assert_int_equal(out[1].start, 15);
    assert_int_equal(out[1].end, 26);
    /* Appends to what is already there. */
    split_sentences(s, (Span){2, 14}, &arena, &out, &count, &cap);
    assert_int_equal(count, 3);
    arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_sentences),      cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_initials_and_numbers), cmocka_unit_test(test_quotes_and_ellipses),
        cmocka_unit_test(test_line_breaks),          cmocka_unit_test(test_cr_line_ends),
        cmocka_unit_test(test_span_offsets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
