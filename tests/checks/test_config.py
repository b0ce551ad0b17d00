"""Settings are found by walking up from the checked file, like ruff; options override them."""

from __future__ import annotations

import pytest

from easyread.checks.profiles import profile
from easyread.config import Settings, find_config, load_settings
from easyread.errors import UsageError


def test_defaults_without_a_file(tmp_path):
    settings = load_settings(tmp_path / "doc.md")
    assert settings == Settings()
    assert settings.profile == "default"  # the calibrated thresholds (data/check_profiles.toml)
    defaults = profile("default")
    assert (settings.min_reading_ease, settings.max_grade, settings.max_sentence_words) == (
        defaults["min_reading_ease"], defaults["max_grade"], defaults["max_sentence_words"])


def test_pyproject_table_found_from_a_nested_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.easyread]\nmax-grade = 7\nignore = ["ER113"]\n')
    nested = tmp_path / "docs" / "letters"
    nested.mkdir(parents=True)
    settings = load_settings(nested / "letter.md")
    assert settings.max_grade == 7
    assert settings.ignore == ("ER113",)
    assert settings.source == tmp_path / "pyproject.toml"


def test_pyproject_without_our_table_is_passed_over(tmp_path):
    (tmp_path / "easyread.toml").write_text("max_sentence_words = 20\n")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(inner / "doc.md") == tmp_path / "easyread.toml"
    assert load_settings(inner / "doc.md").max_sentence_words == 20


def test_nearest_file_wins_and_easyread_toml_beats_pyproject(tmp_path):
    (tmp_path / "easyread.toml").write_text("max_grade = 9\n")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.easyread]\nmax_grade = 6\n")
    (inner / "easyread.toml").write_text("max_grade = 4\n")
    assert load_settings(inner / "doc.md").max_grade == 4


def test_overrides_win_and_ignores_add_up(tmp_path):
    (tmp_path / "easyread.toml").write_text('max_grade = 9\nignore = ["ER101"]\n')
    settings = load_settings(tmp_path / "a.md").with_overrides(max_grade=3, min_reading_ease=None, ignore=("ER103",))
    assert settings.max_grade == 3
    assert settings.min_reading_ease == profile("default")["min_reading_ease"]
    assert settings.ignore == ("ER101", "ER103")


def test_bad_settings_name_the_file(tmp_path):
    (tmp_path / "easyread.toml").write_text("max_grade = 'high'\n")
    with pytest.raises(UsageError, match="easyread.toml"):
        load_settings(tmp_path / "a.md")
    (tmp_path / "easyread.toml").write_text("max_grade = \n")
    with pytest.raises(UsageError, match="cannot read settings"):
        load_settings(tmp_path / "a.md")


def test_the_model_of_an_llm_backend_comes_from_the_file(tmp_path):
    (tmp_path / "easyread.toml").write_text('model = "claude-haiku-4-5"\n', encoding="utf-8")
    assert load_settings(tmp_path).model == "claude-haiku-4-5"
    assert Settings().model is None
    (tmp_path / "easyread.toml").write_text("model = 4\n", encoding="utf-8")
    with pytest.raises(UsageError, match="'model' must be a name"):
        load_settings(tmp_path)
