"""The two schedulers run for real: the crontab line through /bin/sh as cron would run it,
and deploy/scheduler.sh (the docker-compose `scheduler` service) as a process that gets
SIGTERM, each driving the real `newscrawl crawl` against the replica and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.e2e_support import LOOPBACK_SETTINGS, NEWSCRAWL, ROOT
from tests.ops.support import StderrReader, article_count, closed_port, runs, wait_for

pytestmark = pytest.mark.e2e

SCHEDULER = ROOT / "deploy" / "scheduler.sh"


def replica_args(server) -> list[str]:
    args = ["--base-url", f"yonhap={server.yonhap_url}",
            "--base-url", f"koreaherald={server.koreaherald_url}"]  # fmt: skip
    for setting in LOOPBACK_SETTINGS:
        args += ["-s", setting]
    return args


def cron_command(log_dir: Path, *extra: str) -> str:
    """The crontab job's command, with this checkout, this virtualenv, a temporary log
    directory, and `extra` arguments added to `newscrawl crawl` (the replica's URLs)."""
    line = next(line for line in (ROOT / "deploy" / "crontab").read_text().splitlines()
                if line.startswith("*/30"))  # fmt: skip
    command = " ".join(line.split()[5:])
    command = command.replace("cd /opt/newscrawl", f"cd {ROOT}")
    command = command.replace(".venv/bin/newscrawl crawl", " ".join([NEWSCRAWL, "crawl", *extra]))
    return command.replace("/var/log/newscrawl", str(log_dir))


def run_as_cron(command: str, database_url: str) -> subprocess.CompletedProcess[str]:
    """/bin/sh -c, with cron's minimal environment (plus DATABASE_URL, as the crontab may
    set it); what it prints is what cron would mail."""
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), "SHELL": "/bin/sh",
           "DATABASE_URL": database_url, "LANG": "C.UTF-8"}  # fmt: skip
    return subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, env=env,
                          cwd="/", timeout=600)  # fmt: skip


def test_cron_job_is_silent_on_success_and_logs_everything(replica_factory, database_url,
                                                           tmp_path):  # fmt: skip
    """A successful crawl run by the crontab line prints nothing (cron mails nothing), exits
    0, and appends the whole log and the summary lines to the log file."""
    server = replica_factory(articles=20, seed=5)
    (tmp_path / "crawl.log").write_text("earlier runs\n")
    result = run_as_cron(cron_command(tmp_path, *replica_args(server)), database_url)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    log = (tmp_path / "crawl.log").read_text()
    assert log.startswith("earlier runs\n")
    assert "Spider closed (finished)" in log
    assert "\nyonhap: 20 new, " in log and "\nkoreaherald: 20 new, " in log
    assert article_count(database_url) == 40


def test_cron_job_prints_one_alert_line_on_failure(replica_factory, database_url, tmp_path):
    """When the crawl exits non-zero (here 1: Yonhap unreachable), the job prints one line
    with the exit code, which cron mails to MAILTO; the details are in the log file. A
    configuration error (exit 2) alerts the same way."""
    server = replica_factory(articles=20, seed=5)
    args = [*replica_args(server), "--base-url", f"yonhap=http://127.0.0.1:{closed_port()}"]
    result = run_as_cron(cron_command(tmp_path, *args), database_url)
    assert result.returncode == 0  # the echo succeeded; cron looks at the output
    assert result.stderr == ""
    alert = result.stdout.splitlines()
    assert len(alert) == 1 and alert[0].startswith("newscrawl crawl failed with exit code 1 ")
    assert "(failed)" in (tmp_path / "crawl.log").read_text()

    unreachable = f"postgresql://crawler:pw@127.0.0.1:{closed_port()}/newscrawl"
    result = run_as_cron(cron_command(tmp_path), unreachable)
    assert result.stdout.startswith("newscrawl crawl failed with exit code 2 ")
    assert "cannot connect to PostgreSQL" in (tmp_path / "crawl.log").read_text()


def start_scheduler(args: list[str], database_url: str, interval: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "NEWSCRAWL_INTERVAL": str(interval),
           "PATH": f"{Path(NEWSCRAWL).parent}:{os.environ.get('PATH', '/usr/bin:/bin')}"}
    return subprocess.Popen([str(SCHEDULER), *args], env=env, cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def test_scheduler_repeats_the_crawl_and_stops_at_once_while_sleeping(
    replica_factory, database_url
):
    """With a short interval the scheduler crawls again and again (each crawl's two run rows
    finished); with a long one, SIGTERM during the sleep ends it at once with exit 0 (the
    sleep is an hour: only the signal can end it)."""
    server = replica_factory(articles=20, seed=5)
    scheduler = start_scheduler(replica_args(server), database_url, interval=0)
    stderr = StderrReader(scheduler)
    wait_for(lambda: stderr.text_so_far().count("newscrawl crawl exited with code 0") >= 2,
             "two crawls")  # fmt: skip
    scheduler.send_signal(signal.SIGTERM)
    assert scheduler.wait(timeout=600) == 0, stderr.text()[-3000:]
    history = runs(database_url)
    assert len(history) >= 4 and all(status != "running" for _, status, *_ in history)

    scheduler = start_scheduler(replica_args(server), database_url, interval=3600)
    stderr = StderrReader(scheduler)
    wait_for(lambda: stderr.seen("next crawl in "), "the first crawl to end")
    scheduler.send_signal(signal.SIGTERM)
    assert scheduler.wait(timeout=600) == 0
    assert stderr.text().rstrip().endswith("newscrawl-scheduler: stopped")


def test_scheduler_passes_sigterm_to_the_crawl_for_a_graceful_shutdown(
    gated_replica, database_url
):
    """SIGTERM to the scheduler in the middle of a crawl (article pages held) reaches the
    crawl once: Scrapy shuts down gracefully instead of being killed, both run rows are
    finished as `interrupted`, and the scheduler exits 0 without starting another crawl."""
    server, gate = gated_replica
    args = [*replica_args(server), "-s", "DOWNLOAD_TIMEOUT=600"]
    scheduler = start_scheduler(args, database_url, interval=0)
    stderr = StderrReader(scheduler)
    wait_for(gate.both_sites_waiting, "both sites to request article pages")
    scheduler.send_signal(signal.SIGTERM)
    wait_for(lambda: stderr.seen("shutting down gracefully"), "the crawl to get the signal")
    gate.open()
    assert scheduler.wait(timeout=600) == 0
    log = stderr.text()
    assert "Send again to force" in log and "forcing unclean shutdown" not in log.lower()
    assert "newscrawl crawl exited with code 1" in log
    assert [(site, status) for site, status, *_ in runs(database_url)] == [
        ("yonhap", "interrupted"), ("koreaherald", "interrupted")]  # fmt: skip


def test_scheduler_refuses_a_bad_interval():
    """NEWSCRAWL_INTERVAL must be whole seconds: anything else exits 2 with one line."""
    env = {**os.environ, "NEWSCRAWL_INTERVAL": "30m"}
    result = subprocess.run([str(SCHEDULER)], env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "newscrawl-scheduler: NEWSCRAWL_INTERVAL must be whole seconds, got '30m'"]  # fmt: skip
