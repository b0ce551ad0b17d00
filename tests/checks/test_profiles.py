"""Check profiles: `default` (calibrated on human-made Easy Read) and `strict` (80 / 5 / 15 words).

The profiles' numbers live in data/check_profiles.toml; these tests read them from there, so a
re-calibration changes the data file only. Every document here is invented.
"""

from __future__ import annotations

import json

import pytest

from easyread.checks.profiles import PROFILE_KEYS, profile, profile_names
from easyread.checks.run import check_document
from easyread.cli import app
from easyread.config import Settings, load_settings
from easyread.errors import UsageError

# Short, plain sentences and one of 18 words: the kind of document human-made Easy Read is.
ONE_LONG = (
    "# Your new library card\n\n"
    "You can get a new library card.\n\n"
    "It is free.\n\n"
    "Bring something with your name and address on it to the front desk when you come in next time.\n\n"
    "We will make your card while you wait.\n"
)


def _write(tmp_path, text=ONE_LONG, name="card.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_strict_is_the_guides_numbers():
    strict = profile("strict")
    assert (strict["min_reading_ease"], strict["max_grade"], strict["max_sentence_words"]) == (80, 5, 15)
    assert strict["long_sentence"] == "error"


def test_default_is_calibrated_and_milder_than_strict():
    default, strict = profile("default"), profile("strict")
    assert set(default) == set(PROFILE_KEYS) == set(strict)
    assert default["min_reading_ease"] < strict["min_reading_ease"]
    assert default["max_grade"] > strict["max_grade"]
    assert default["long_sentence"] == "warning"  # every human-made version has a sentence over 15 words
    assert profile_names()[:2] == ("default", "strict")


def test_unknown_profile_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown profile 'gentle' .*default, strict"):
        profile("gentle")
    with pytest.raises(UsageError):
        Settings(profile="gentle")


def test_a_long_sentence_is_a_warning_by_default_and_an_error_when_strict(tmp_path):
    path = _write(tmp_path)
    default = check_document(path, Settings())
    long_ones = [f for f in default.findings if f.rule_id == "ER101"]
    assert len(long_ones) == 1 and long_ones[0].severity == "warning"
    assert long_ones[0].as_dict()["severity"] == "warning" and "level" not in long_ones[0].as_dict()
    assert default.passed, [(f.rule_id, f.text) for f in default.errors]
    strict = check_document(path, Settings(profile="strict"))
    assert not strict.passed
    assert "ER101" in {f.rule_id for f in strict.errors}


def test_score_thresholds_come_from_the_profile(tmp_path):
    path = _write(tmp_path)
    metrics = check_document(path, Settings()).metrics
    # A threshold just above the document's reading ease fails it, and the message names where it came from.
    settings = Settings(min_reading_ease=metrics.flesch_reading_ease + 1)
    found = [f for f in check_document(path, settings).errors if f.rule_id == "ER201"]
    assert found and "the settings" in found[0].suggestion
    hard = _write(tmp_path, "# Notice\n\nNotwithstanding the aforementioned considerations, residents are required "
                            "to notify the authority of alterations to their household circumstances.\n", "hard.md")
    report = check_document(hard, Settings())
    assert {"ER201", "ER202"} <= {f.rule_id for f in report.errors}
    assert "the default profile" in next(f for f in report.errors if f.rule_id == "ER201").suggestion


def test_explicit_thresholds_survive_a_change_of_profile():
    settings = Settings(max_grade=9.5).with_overrides(profile="strict")
    assert settings.max_grade == 9.5  # given explicitly
    assert settings.min_reading_ease == 80  # from the new profile
    back = settings.with_overrides(profile="default")
    assert back.min_reading_ease == profile("default")["min_reading_ease"] and back.max_grade == 9.5


def test_settings_file_chooses_the_profile_and_options_override(tmp_path):
    (tmp_path / "easyread.toml").write_text('profile = "strict"\nmax_grade = 6\n', encoding="utf-8")
    settings = load_settings(tmp_path / "a.md")
    assert settings.profile == "strict" and settings.min_reading_ease == 80 and settings.max_grade == 6
    assert settings.long_sentence == "error"
    chosen = settings.with_overrides(profile="default")
    assert chosen.min_reading_ease == profile("default")["min_reading_ease"]
    assert chosen.max_grade == 6  # the file's own number wins over any profile


@pytest.mark.parametrize("line, message", [
    ('profile = "gentle"', "unknown profile 'gentle'"),
    ("profile = 3", "'profile' must be a name"),
    ('long_sentence = "fatal"', "'long_sentence' must be"),
])
def test_bad_profile_settings_name_the_file(tmp_path, line, message):
    (tmp_path / "easyread.toml").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=message) as caught:
        load_settings(tmp_path / "a.md")
    assert "easyread.toml" in caught.value.message()


def test_cli_profile_option(runner, tmp_path):
    path = _write(tmp_path)
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0
    strict = runner.invoke(app, ["check", str(path), "--profile", "strict", "-f", "json"])
    assert strict.exit_code == 1
    found = json.loads(strict.stdout)["documents"][0]["findings"]
    assert any(f["rule_id"] == "ER101" and f["severity"] == "error" for f in found)
    # An explicit option still overrides the profile: with ER101 ignored and easy thresholds it passes.
    eased = runner.invoke(app, ["check", str(path), "--profile", "strict", "--ignore", "ER101",
                                "--min-reading-ease", "0", "--max-grade", "20"])
    assert eased.exit_code == 0, eased.stdout
    unknown = runner.invoke(app, ["check", str(path), "--profile", "gentle"])
    assert unknown.exit_code == 2
    assert "unknown profile 'gentle'" in unknown.output
