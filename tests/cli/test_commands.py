"""The `tre` command as an operator uses it: configuration errors, migrate, user add, demo, audit verify.
Each test works in a fresh data folder with the embedded SQLite database."""
import os
import subprocess

import pytest

TRE = os.environ.get("TRE_BIN", ".build/debug/tre")


def tre(*args, env=None, data_dir):
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PORT", "HOST", "LOG_LEVEL")}
    environment.update({"TRE_DATA_DIR": str(data_dir), "LOG_LEVEL": "warning"})
    environment.update(env or {})
    return subprocess.run([TRE, *args], env=environment, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("variable,value", [("PORT", "eighty"), ("DATABASE_URL", "mysql://x@y/z"), ("LOG_LEVEL", "loud"),
                                            ("TRE_TRUSTED_PROXIES", "haproxy.local")])
def test_a_bad_setting_stops_start_up_with_one_line_naming_it(tmp_path, variable, value):
    result = tre("serve", env={variable: value}, data_dir=tmp_path)
    assert result.returncode == 78
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Configuration error: {variable} ")
    assert not (tmp_path / "tre.sqlite").exists(), "nothing is created when the configuration is wrong"


def test_migrate_loads_the_administrative_map(tmp_path):
    result = tre("migrate", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "34 provinces, 3321 communes" in result.stdout
    again = tre("migrate", data_dir=tmp_path)
    assert "34 provinces, 3321 communes" in again.stdout, "a second run adds nothing twice"


def test_user_add_checks_the_jurisdiction_against_the_role(tmp_path):
    refused = tre("user", "add", "xa.badinh", "--role", "commune_officer", "--province", "1",
                  "--password", "mat-khau-tam-thoi", data_dir=tmp_path)
    assert refused.returncode != 0
    assert "needs a commune" in refused.stderr
    created = tre("user", "add", "xa.badinh", "--role", "commune_officer", "--commune", "4",
                  "--password", "mat-khau-tam-thoi", "--full-name", "Lê Thị Hoa", data_dir=tmp_path)
    assert created.returncode == 0, created.stderr
    assert "Created xa.badinh (commune_officer)" in created.stdout
    taken = tre("user", "add", "xa.badinh", "--role", "commune_officer", "--commune", "4",
                "--password", "mat-khau-tam-thoi", data_dir=tmp_path)
    assert taken.returncode != 0
    assert "already taken" in taken.stderr
    common = tre("user", "add", "xa.ngocha", "--role", "commune_officer", "--commune", "8",
                 "--password", "password2026", data_dir=tmp_path)
    assert common.returncode != 0
    assert "too common" in common.stderr


def test_demo_and_audit_verify(tmp_path):
    demo = tre("demo", "--password", "mat-khau-demo-2026", "--children", "300", "--cases", "40", data_dir=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "tinh79" in demo.stdout
    assert "300 children in" in demo.stdout
    assert "40 cases in" in demo.stdout
    assert "figures computed in" in demo.stdout
    cases = subprocess.run(
        ["sqlite3", str(tmp_path / "tre.sqlite"),
         "SELECT count(DISTINCT status), sum(next_deadline_at < strftime('%s','now')), sum(status = 'closed') "
         "FROM protection_cases"], capture_output=True, text=True, check=True).stdout.strip().split("|")
    states, late, closed = (int(value) for value in cases)
    assert states >= 6, "cases in many states of the procedure"
    assert late > 0 and closed > 0, "some late, some closed"
    again = tre("demo", "--password", "mat-khau-demo-2026", "--children", "200", data_dir=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 accounts created" in again.stdout
    counted = subprocess.run(["sqlite3", str(tmp_path / "tre.sqlite"), "SELECT count(*) FROM children"],
                             capture_output=True, text=True, check=True)
    # 300 + 200 generated, and each of the 40 + 60 (default) reports names a child it registers.
    assert counted.stdout.strip() == "600"
    verified = tre("audit", "verify", data_dir=tmp_path)
    assert verified.returncode == 0, verified.stderr
    assert "Audit trail intact" in verified.stdout

    subprocess.run(["sqlite3", str(tmp_path / "tre.sqlite"),
                    "UPDATE audit_entries SET details = 'role=admin' WHERE sequence = 2"], check=True)
    broken = tre("audit", "verify", data_dir=tmp_path)
    assert broken.returncode == 1
    assert "entry #2 was altered" in broken.stdout


def test_import_children_writes_all_rows_or_none(tmp_path):
    bad = tmp_path / "loi.csv"
    bad.write_text("ho_ten,gioi_tinh,ngay_sinh\nNguyễn Thị Thủy,nữ,2015-09-05\nLê Văn An,nam,31/02/2015\n", encoding="utf-8")
    refused = tre("import", "children", str(bad), "--commune", "4", data_dir=tmp_path)
    assert refused.returncode == 1
    assert "line 3 (Lê Văn An): The date of birth is not a real calendar date." in refused.stdout
    assert "1 of 2 rows have problems; nothing was written." in refused.stderr

    good = tmp_path / "danh-sach.csv"
    good.write_text("\ufeffho_ten,gioi_tinh,ngay_sinh\nNguyễn Thị Thủy,nữ,2015-09-05\nLê Văn An,nam,28/02/2015\n", encoding="utf-8")
    checked = tre("import", "children", str(good), "--commune", "4", "--dry-run", data_dir=tmp_path)
    assert "2 new, 0 to update, 0 already up to date; nothing written (--dry-run)" in checked.stdout
    imported = tre("import", "children", str(good), "--commune", "4", data_dir=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "2 new, 0 to update, 0 already up to date: wrote 2 children into Phường Ba Đình" in imported.stdout
    again = tre("import", "children", str(good), "--commune", "4", data_dir=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 new, 0 to update, 2 already up to date; nothing to write." in again.stdout, "the same file twice"

    # This month's list: the same children, one with an address now; a blank cell keeps what is registered.
    updated = tmp_path / "thang-12.csv"
    updated.write_text("ho_ten;gioi_tinh;ngay_sinh;dia_chi\nNguyễn Thị Thủy;nữ;2015-09-05;Tổ 7, phố Đội Cấn\n"
                       "Lê Văn An;nam;28/02/2015;\n", encoding="utf-8")
    changed = tre("import", "children", str(updated), "--commune", "4", data_dir=tmp_path)
    assert changed.returncode == 0, changed.stderr
    assert "line 2 (Nguyễn Thị Thủy) updates: " in changed.stdout and "→ Tổ 7, phố Đội Cấn" in changed.stdout
    assert "0 new, 1 to update, 1 already up to date: wrote 1 children" in changed.stdout
    count = subprocess.run(["sqlite3", str(tmp_path / "tre.sqlite"), "SELECT COUNT(*) FROM children"],
                           capture_output=True, text=True, check=True)
    assert count.stdout.strip() == "2"


def test_audit_verify_reports_a_forged_row_and_a_head_moved_back(tmp_path):
    created = tre("user", "add", "xa.badinh", "--role", "commune_officer", "--commune", "4",
                  "--password", "mat-khau-tam-thoi", data_dir=tmp_path)
    assert created.returncode == 0, created.stderr
    assert oct((tmp_path / "audit.key").stat().st_mode & 0o777) == "0o600"
    second = tre("user", "add", "xa.ngocha", "--role", "commune_officer", "--commune", "8",
                 "--password", "mat-khau-tam-thoi", data_dir=tmp_path)
    assert second.returncode == 0, second.stderr
    checkpoints = tmp_path / "elsewhere.checkpoints"
    written = tre("audit", "checkpoint", "--file", str(checkpoints), data_dir=tmp_path)
    assert written.returncode == 0, written.stderr
    checked = tre("audit", "verify", "--checkpoints", str(checkpoints), data_dir=tmp_path)
    assert checked.returncode == 0, checked.stdout
    assert "against 1 checkpoints" in checked.stdout

    database = str(tmp_path / "tre.sqlite")
    subprocess.run(["sqlite3", database,
                    "INSERT INTO audit_entries (id, occurred_at, actor_username, action, record_type, details) "
                    "VALUES ('6F1B2C3D-0000-4000-8000-000000000001', 1700000000, 'quantri', 'child.viewed', 'child', '')"],
                   check=True)
    forged = tre("audit", "verify", data_dir=tmp_path)
    assert forged.returncode == 1
    assert "6F1B2C3D-0000-4000-8000-000000000001 was not written by Tre" in forged.stdout

    subprocess.run(["sqlite3", database,
                    "DELETE FROM audit_entries WHERE sequence IS NULL OR sequence = (SELECT max(sequence) FROM audit_entries); "
                    "UPDATE audit_chain_heads SET sequence = sequence - 1, hash = (SELECT seal_hash FROM audit_entries "
                    "WHERE sequence = (SELECT max(sequence) FROM audit_entries)) WHERE chain = 'main'"], check=True)
    assert tre("audit", "verify", data_dir=tmp_path).returncode == 0, "without checkpoints a head moved back is not seen"
    moved = tre("audit", "verify", "--checkpoints", str(checkpoints), data_dir=tmp_path)
    assert moved.returncode == 1
    assert "head moved back" in moved.stdout
    missing = tre("audit", "verify", "--checkpoints", str(tmp_path / "typo.checkpoints"), data_dir=tmp_path)
    assert missing.returncode == 1
    assert "Cannot read the audit checkpoint file" in missing.stderr


def test_a_backup_made_while_tre_serves_is_checked_and_restored_and_a_damaged_one_changes_nothing(tmp_path):
    import signal
    import socket
    import time
    import urllib.request
    data = tmp_path / "data"
    data.mkdir()
    assert tre("user", "add", "xa.badinh", "--role", "commune_officer", "--commune", "4",
               "--password", "mat-khau-tam-thoi", data_dir=data).returncode == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    environment.update({"TRE_DATA_DIR": str(data), "PORT": str(port), "HOST": "127.0.0.1", "LOG_LEVEL": "warning"})
    server = subprocess.Popen([TRE, "serve"], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.5)
        backup = tmp_path / "dem-qua.sqlite"
        made = tre("backup", str(backup), data_dir=data)
        assert made.returncode == 0, made.stderr
        assert "checked" in made.stdout
        refused = tre("restore", str(backup), data_dir=data)
        assert refused.returncode == 1 and "stop `tre serve` first" in refused.stderr
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)

    # After the backup: another account, which the restore takes away again.
    assert tre("user", "add", "xa.ngocha", "--role", "commune_officer", "--commune", "8",
               "--password", "mat-khau-tam-thoi", data_dir=data).returncode == 0

    def accounts():
        return subprocess.run(["sqlite3", str(data / "tre.sqlite"), "SELECT username FROM users ORDER BY username"],
                              capture_output=True, text=True, check=True).stdout.split()

    damaged = tmp_path / "hong.sqlite"
    content = bytearray(backup.read_bytes())
    page = (len(content) // 2) // 4096 * 4096  # a whole page in the middle, its header included
    content[page:page + 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(content))
    before = (data / "tre.sqlite").read_bytes()
    for bad, why in ((damaged, "is damaged"), (tmp_path / "ghi-chu.txt", "is not an SQLite database")):
        if not bad.exists():
            bad.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
        result = tre("restore", str(bad), data_dir=data)
        assert result.returncode == 1 and why in result.stderr and "nothing was changed" in result.stderr
        assert (data / "tre.sqlite").read_bytes() == before
    assert "xa.ngocha" in accounts()

    restored = tre("restore", str(backup), data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert accounts() == ["xa.badinh"]
    assert list(data.glob("tre.sqlite.before-restore-*")), "the replaced database is kept"
    verified = tre("audit", "verify", data_dir=data)
    assert verified.returncode == 0, verified.stdout
