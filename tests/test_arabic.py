from ingest.arabic import char_ngrams, detect_language, fold, lexical_tokens, light_stem, normalize


def test_normalize_unifies_variants_and_strips_marks():
    assert normalize("أَحْمَد إبراهيم آمال ٱلله") == "احمد ابراهيم امال الله"
    assert normalize("مستشفى المدينة") == "مستشفي المدينه"
    assert normalize("مؤتمر رئيس") == "موتمر رييس"
    assert normalize("العـــربية") == "العربيه"
    assert normalize("عام ٢٠٢٢ و۱۹") == "عام 2022 و19"
    assert normalize("CSTO Says") == "csto says"


def test_fold_keeps_length_so_offsets_survive():
    text = "قالَ الـمتحدث بإسم وزارة الدفاع: «إنّ الوضع مستقر» ٢٠٢٢"
    folded = fold(text)
    assert len(folded) == len(text)
    i = folded.index("باسم")
    assert text[i : i + 4] == "بإسم"


def test_light_stem_removes_light10_affixes():
    assert light_stem(normalize("والمفاوضات")) == "مفاوض"
    assert light_stem(normalize("بالحكومة")) == "حكوم"
    assert light_stem(normalize("الأرمينية")) == "ارمين"
    assert light_stem("csto") == "csto"


def test_char_ngrams_match_glued_words():
    glued = set(char_ngrams(normalize("أذربيجانوأرمينيا")))
    single = set(char_ngrams(normalize("أرمينيا")))
    assert len(glued & single) >= 3


def test_lexical_tokens_mix_stems_and_grams():
    toks = lexical_tokens("منظمة معاهدة الأمن الجماعي")
    assert "منظم" in toks and any(t.startswith("#") for t in toks)


def test_detect_language():
    assert detect_language("ماذا قالت فرنسا؟") == "ar"
    assert detect_language("What did the CSTO say?") == "en"
    assert detect_language("What did منظمة معاهدة الأمن الجماعي say") == "ar"
