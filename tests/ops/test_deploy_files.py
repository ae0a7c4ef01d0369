"""The deployment files, checked statically (no Docker engine runs on these machines):
docker-compose.yml, Dockerfile, .dockerignore, deploy/crontab, deploy/scheduler.sh and the
commands in docs/operations.md."""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from newscrawl.cli import build_parser
from tests.ops import commands

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
CRONTAB = ROOT / "deploy" / "crontab"
SCHEDULER = ROOT / "deploy" / "scheduler.sh"
OPERATIONS = ROOT / "docs" / "operations.md"


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def interpolate(value: str, env: dict[str, str] | None = None) -> str:
    """Compose's ${VAR:-default} with an empty environment (or the given one)."""
    env = env or {}
    return re.sub(r"\$\{(\w+):-([^}]*)\}", lambda m: env.get(m[1]) or m[2], value)


def accepts(argv: list[str]) -> None:
    """The CLI's own parser accepts these arguments (argparse exits on anything else)."""
    try:
        build_parser().parse_args(argv)
    except SystemExit as exc:
        if exc.code == 0 and argv[-1] in ("--help", "--version"):  # printed, exit 0
            return
        raise AssertionError(f"`newscrawl {' '.join(argv)}` is not a valid command") from exc


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keyword, _, rest = line.strip().partition(" ")
            out.append((keyword.upper(), " ".join(rest.split())))
    return out


# --- docker-compose.yml -----------------------------------------------------------------


def test_postgres_service_has_a_named_volume_and_a_healthcheck():
    """postgres:16 keeps its data in the named volume `pgdata` (declared at the top level) and
    has a pg_isready healthcheck on the database and user it creates, over TCP on 127.0.0.1:
    during the first start's initialisation the server listens on its socket only, so a
    socket check would report it healthy too early."""
    data = compose()
    postgres = data["services"]["postgres"]
    assert postgres["image"] == "postgres:16"
    assert "pgdata" in data["volumes"]
    assert "pgdata:/var/lib/postgresql/data" in postgres["volumes"]
    test = postgres["healthcheck"]["test"]
    assert test[0] == "CMD-SHELL" and test[1].startswith("pg_isready")
    words = test[1].split()
    assert words[words.index("-h") + 1] == "127.0.0.1"
    env = postgres["environment"]
    assert f"-U {env['POSTGRES_USER']}" in test[1] and f"-d {env['POSTGRES_DB']}" in test[1]


def test_the_image_is_built_once_for_both_crawler_services():
    """Exactly one service (`crawler`) builds the repository's Dockerfile, tagged with an
    image name that the scheduler runs; the scheduler starts once that service has applied
    the migrations, so `docker compose up` never builds twice nor pulls the local image."""
    services = compose()["services"]
    builders = [name for name, spec in services.items() if "build" in spec]
    assert builders == ["crawler"]
    assert services["crawler"]["build"] in (".", {"context": "."})
    assert services["scheduler"]["image"] == services["crawler"]["image"]
    assert services["scheduler"]["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "crawler": {"condition": "service_completed_successfully"},
    }


def test_the_scheduler_log_is_rotated():
    """The long-running scheduler's container log has a size limit (json-file rotation)."""
    logging = compose()["services"]["scheduler"]["logging"]
    assert logging["driver"] == "json-file"
    size = re.fullmatch(r"(\d+)([km])", logging["options"]["max-size"])
    assert size and int(logging["options"]["max-file"]) >= 1


@pytest.mark.parametrize("service", ["crawler", "scheduler"])
def test_crawler_services_use_the_repository_image_and_the_postgres_service(service):
    """Both crawler services run the image built from the repository's Dockerfile, wait for
    a healthy postgres, and get a DATABASE_URL naming the postgres service with the user,
    password and database it was created with (with or without POSTGRES_PASSWORD set)."""
    from psycopg.conninfo import conninfo_to_dict

    services = compose()["services"]
    spec = services[service]
    assert spec["image"] == services["crawler"]["image"]
    assert spec["depends_on"]["postgres"] == {"condition": "service_healthy"}
    postgres_env = services["postgres"]["environment"]
    for env in ({}, {"POSTGRES_PASSWORD": "s3cret"}):
        url = conninfo_to_dict(interpolate(spec["environment"]["DATABASE_URL"], env))
        assert url["host"] == "postgres" and url.get("port", "5432") == "5432"
        assert url["user"] == postgres_env["POSTGRES_USER"]
        assert url["dbname"] == postgres_env["POSTGRES_DB"]
        assert url["password"] == interpolate(postgres_env["POSTGRES_PASSWORD"], env)


def test_scheduler_runs_the_crawl_every_30_minutes_and_stops_gracefully():
    """The scheduler service runs deploy/scheduler.sh (installed in the image as
    newscrawl-scheduler) with a 1800-second interval, restarts with the host, and gives a
    crawl time to shut down gracefully on `docker compose stop`."""
    spec = compose()["services"]["scheduler"]
    assert spec["command"][0] == "newscrawl-scheduler"
    assert spec["environment"]["NEWSCRAWL_INTERVAL"] == "1800"
    assert spec["restart"] == "unless-stopped"
    assert spec["init"] is True
    grace = re.fullmatch(r"(\d+)(s|m)", spec["stop_grace_period"])
    assert grace and int(grace[1]) * (60 if grace[2] == "m" else 1) >= 60
    copies = [rest for keyword, rest in dockerfile_instructions() if keyword == "COPY"]
    assert "deploy/scheduler.sh /usr/local/bin/newscrawl-scheduler" in copies
    assert 'newscrawl crawl "$@"' in SCHEDULER.read_text()


def test_every_command_in_compose_is_a_valid_newscrawl_command():
    """Each service command (and the scheduler's extra arguments to `newscrawl crawl`) is
    accepted by the CLI parser; so is the documented `docker compose run --rm crawler
    newscrawl list`, which must appear in the file's own comments."""
    for name, spec in compose()["services"].items():
        command = spec.get("command")
        if not command:
            continue
        if command[0] == "newscrawl":
            accepts(command[1:])
        elif command[0] == "newscrawl-scheduler":
            accepts(["crawl", *command[1:]])
        else:
            raise AssertionError(f"service {name} runs {command[0]}, not newscrawl")
    assert "docker compose run --rm crawler newscrawl list" in COMPOSE.read_text()


# --- Dockerfile and .dockerignore ---------------------------------------------------------


def test_dockerfile_installs_what_pyproject_declares():
    """A slim Python base that satisfies requires-python; pyproject.toml, the readme it names
    and every top-level package that the project's package-find include list selects are
    copied (package data lies inside them); `pip install .` installs them (not editable); the
    image runs as a non-root user; the default command exists."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    instructions = dockerfile_instructions()
    base = next(rest for keyword, rest in instructions if keyword == "FROM")
    version = re.fullmatch(r"python:(3\.\d+)-slim(?:-\w+)?", base)
    assert version, base
    minimum = project["project"]["requires-python"].removeprefix(">=")
    assert tuple(map(int, version[1].split("."))) >= tuple(map(int, minimum.split(".")))

    copied: set[str] = set()
    for keyword, rest in instructions:
        if keyword == "COPY":
            *sources, _ = rest.split()
            copied |= {s.rstrip("/") for s in sources if not s.startswith("--")}
    include = project["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = {  # top-level packages that setuptools' find (fnmatch on names) includes
        d.name for d in ROOT.iterdir()
        if (d / "__init__.py").is_file() and any(fnmatch.fnmatch(d.name, p) for p in include)
    }  # fmt: skip
    assert packages >= {"newscrawl", "spiders", "pipelines"}
    needed = {"pyproject.toml", project["project"]["readme"], *packages}
    assert needed <= copied, needed - copied
    for package, patterns in project["tool"]["setuptools"]["package-data"].items():
        for pattern in patterns:  # package data lies inside the copied package directories
            assert list((ROOT / package.replace(".", "/")).glob(pattern)), pattern

    runs = [rest for keyword, rest in instructions if keyword == "RUN"]
    assert any(re.search(r"\bpip install \.(\s|$)", rest) for rest in runs), runs
    assert not any("pip install -e" in rest for rest in runs)
    assert not any("embedded" in rest or "pgserver" in rest for rest in runs)  # no extra
    users = [rest for keyword, rest in instructions if keyword == "USER"]
    assert users and users[-1] not in ("root", "0")
    position = [keyword for keyword, _ in instructions]
    assert position.index("USER") > max(i for i, k in enumerate(position) if k == "RUN")
    assert any(re.search(rf"useradd .*\b{users[-1]}\b", rest) for rest in runs)
    command = json.loads(next(rest for keyword, rest in instructions if keyword == "CMD"))
    assert command[0] in project["project"]["scripts"]
    if command[1:] != ["--help"]:
        accepts(command[1:])


def test_dockerignore_keeps_out_what_the_image_must_not_contain_and_nothing_it_needs():
    """The build context leaves out the virtualenv, git history and local state, and does
    not exclude any file the Dockerfile copies."""
    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]  # fmt: skip
    assert {".venv", ".git", ".env"} <= set(patterns)
    copied = []
    for keyword, rest in dockerfile_instructions():
        if keyword == "COPY":
            *sources, _ = rest.split()
            copied += sources
    for source in copied:
        files = [ROOT / source] if (ROOT / source).is_file() else [
            p for p in (ROOT / source).rglob("*") if p.is_file() and "__pycache__" not in p.parts
        ]  # fmt: skip
        assert files, source
        for path in files:
            relative = path.relative_to(ROOT).as_posix()
            for pattern in patterns:
                assert not ignored(relative, pattern), f"{relative} is dropped by {pattern}"


def ignored(relative: str, pattern: str) -> bool:
    """Whether a .dockerignore pattern (the forms used in this repository) drops the file."""
    if pattern.startswith("**/"):
        return any(fnmatch.fnmatch(part, pattern[3:]) for part in relative.split("/"))
    return fnmatch.fnmatch(relative, pattern) or relative.startswith(pattern.rstrip("/") + "/")


# --- deploy/crontab and deploy/scheduler.sh -------------------------------------------------


def crontab_jobs() -> list[tuple[list[str], str]]:
    jobs = []
    for line in CRONTAB.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#") \
                and not commands.ENV_LINE.match(line):  # fmt: skip
            fields = line.split()
            jobs.append((fields[:5], " ".join(fields[5:])))
    return jobs


def test_crontab_runs_the_crawl_every_30_minutes_in_the_project_environment():
    """One job, every 30 minutes (minutes 0 and 30 of every hour, every day), that changes
    into the checkout and runs its virtualenv's `newscrawl crawl` (arguments accepted by the
    CLI), appends stdout and stderr to a log, and echoes one line on a non-zero exit, which
    cron mails to the MAILTO set in the file."""
    jobs = crontab_jobs()
    assert len(jobs) == 1
    schedule, command = jobs[0]
    minute, *rest = schedule
    assert rest == ["*", "*", "*", "*"]
    assert minute in ("*/30", "0,30", "0-59/30")
    assert "%" not in command  # cron would turn it into a newline
    words = commands.words(command)
    assert words[:3] == ["cd", words[1], "&&"] and words[1].startswith("/")
    assert words[3] == ".venv/bin/newscrawl"
    found = commands.in_crontab(CRONTAB)
    assert found and all(args[0] == "crawl" for args in found)
    for args in found:
        accepts(args)
    redirect = words.index(">>")
    assert words[redirect + 1].endswith(".log")
    assert words[redirect + 2 : redirect + 5] == ["2", ">&", "1"]
    assert words[redirect + 5 : redirect + 7] == ["||", "echo"]
    assert re.search(r"^MAILTO=\S+@\S+$", CRONTAB.read_text(), re.MULTILINE)


@pytest.mark.parametrize("shell", ["bash", "dash", "sh"])
def test_shell_scripts_parse(shell):
    """deploy/*.sh is valid shell (bash -n, and the POSIX sh of the slim image: dash)."""
    if not shutil.which(shell):
        pytest.skip(f"{shell} is not installed")
    scripts = sorted((ROOT / "deploy").glob("*.sh"))
    assert scripts
    for script in scripts:
        result = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert script.read_text().startswith("#!/bin/sh\n")
        assert script.stat().st_mode & 0o111, f"{script} is not executable"


# --- docs/operations.md ---------------------------------------------------------------------


def test_every_command_in_the_operations_guide_is_valid():
    """Each `newscrawl ...` command in docs/operations.md (code blocks and inline code) is
    accepted by the CLI parser, and the guide covers the commands an operator needs."""
    found = commands.in_markdown(OPERATIONS.read_text())
    for args in found:
        accepts(args)
    used = {args[0] for args in found if args}
    assert {"crawl", "runs", "list", "config", "stats"} <= used, used


def test_pgserver_is_an_extra_that_the_first_readme_command_installs():
    """pgserver (the embedded server, ~100 MB) is no core dependency, so the image built with
    `pip install .` leaves it out; the `embedded` extra carries it, README's first command
    (and the cron install of the guide) installs that extra, and the test extra has it too,
    since the suite starts its own server. .ci/run runs README's second command exactly."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert not any(dep.startswith("pgserver") for dep in project["dependencies"])
    extras = project["optional-dependencies"]
    assert any(dep.startswith("pgserver==") for dep in extras["embedded"])
    assert any(dep.startswith("pgserver==") for dep in extras["test"])
    readme = (ROOT / "README.md").read_text()
    first, second = re.findall(r"```sh\n(.*?)\n```", readme, re.DOTALL)[:2]
    assert "pip install -e '.[embedded]'" in first and "newscrawl crawl" in first
    assert second in (ROOT / ".ci" / "run").read_text().splitlines()
    assert "pip install -e '.[embedded]'" in OPERATIONS.read_text()


def test_the_guides_say_how_spiders_and_pipelines_are_installed():
    """README says that `spiders` and `pipelines` are top-level packages, installed as such."""
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert "`spiders` and `pipelines`" in readme and "top-level packages" in readme


def test_the_crontab_warns_that_it_replaces_the_users_crontab():
    """`crontab FILE` replaces the whole crontab: the file and the guide say so and show how
    to append instead; the guide's install steps append."""
    append = "(crontab -l 2>/dev/null; cat deploy/crontab) | crontab -"
    assert "REPLACES" in CRONTAB.read_text() and append in CRONTAB.read_text()
    guide = OPERATIONS.read_text()
    assert append in guide and "replace" in guide
    install = re.search(r"```sh\ngit clone.*?```", guide, re.DOTALL)[0]
    assert append in install and "\ncrontab deploy/crontab" not in install


def test_the_backup_example_disables_the_pseudo_terminal():
    """`docker compose exec` allocates a terminal by default, which mangles a dump piped to
    a file; the backup example passes -T."""
    lines = [line for line in OPERATIONS.read_text().splitlines() if "pg_dump" in line
             and line.startswith("docker compose exec")]  # fmt: skip
    assert lines and all(line.startswith("docker compose exec -T ") for line in lines)


def test_operations_guide_covers_cron_compose_logs_exit_codes_and_the_lock():
    """The guide has the sections the issue asks for, the exit code table matches the CLI's
    own help text, and it quotes the crontab line exactly."""
    text = OPERATIONS.read_text()
    for heading in ("cron", "alert", "runs", "docker compose", "logs", "exit codes", "lock"):
        assert re.search(rf"^#+ .*{heading}", text, re.IGNORECASE | re.MULTILINE), heading
    table = dict(re.findall(r"^\| `(\d+)` \| (.+?) \|$", text, re.MULTILINE))
    assert set(table) == {"0", "1", "2", "3", "75"}, table  # 3: layout drift (docs/drift.md)
    help_text = build_parser()._subparsers._group_actions[0].choices["crawl"].description
    for code in table:
        assert f"{code} " in help_text
    crontab_line = next(line for line in CRONTAB.read_text().splitlines()
                        if line.startswith("*/30"))  # fmt: skip
    assert crontab_line in text
