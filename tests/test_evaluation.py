"""The one token-F1 used by the quality gate, the end-to-end tests and the benchmarks."""

from newscrawl.evaluation import token_f1


def test_whitespace_tokens_by_default():
    assert token_f1("a b c", "a b c") == 1.0
    assert token_f1("", "") == 1.0
    assert token_f1("a", "b") == 0.0
    assert round(token_f1("a b c d", "a b"), 3) == 0.667
    assert token_f1("Talks, held.", "talks held") == 0.0  # case and punctuation count


def test_word_tokens_ignore_case_and_punctuation():
    assert token_f1("Talks, held.", "talks held", words=True) == 1.0
    assert token_f1(None, None, words=True) == 1.0
    assert round(token_f1("a b c d", "a b", words=True), 3) == 0.667
