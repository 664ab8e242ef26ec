"""Results for analysts: a result JSON read back as pandas DataFrames."""

import pytest

import tracker
from tracker.cli import cli
from tracker.errors import InputError


def test_a_match_result_as_a_frame(runner, seeds_dir, tmp_path):
    out = tmp_path / "结果.json"
    result = runner.invoke(cli, ["match", str(seeds_dir / "wulatezhong-2024-plan.txt"),
                                 str(seeds_dir / "wulatezhong-2024-report.txt"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    loaded = tracker.load_result(out)
    tasks = loaded.to_frame()
    assert len(tasks) == 28 and list(tasks["seq"]) == list(range(1, 29))
    assert tasks["status"].value_counts().to_dict() == {k: v for k, v in loaded.data["summary"].items() if v}
    assert set(tasks["confidence"]) <= {"high", "medium", "low"}
    assert tasks.loc[tasks["seq"] == 5, "lead_units"].item() == "旗政府办、旗司法局"
    units = loaded.units_frame()
    justice = units[units["unit"] == "旗司法局"]
    assert len(justice) == 18 and set(justice["role"]) == {"lead", "responsible"}
    csv = tmp_path / "tasks.csv"
    tasks.to_csv(csv, encoding="utf-8-sig", index=False)
    assert "旗司法局" in csv.read_text(encoding="utf-8-sig")


def test_a_file_that_is_no_result_is_refused(tmp_path):
    other = tmp_path / "other.json"
    other.write_text('{"plan": {}}', encoding="utf-8")
    with pytest.raises(InputError, match="不是 tracker 输出的结果 JSON"):
        tracker.load_result(other)
