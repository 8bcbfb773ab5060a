"""grade as a PySpark map stage: the job tests/distributed/spark.sh runs in local[2].

Usage: spark_job.py GRADE_BINARY FIXTURES_DIR

Builds 2,020 JSON Lines records from the shipped fixtures (2,000 good, 20 bad), pipes them
through `grade --stdin-jsonl` in 4 partitions with RDD.pipe, and checks what the README
says: one output line per record, in order within each partition, every id back once, bad
records as error objects whose `line` and `record` count within their partition, no task
failure; the bare command name works with `env=` carrying PATH and is not found without
it, even on the workers' PATH; with checkCode=True a grade that exits 2 fails the job,
without it the partition's lines are lost silently. Exits 1 naming the first failed check.
"""

import collections
import json
import os
import random
import shutil
import subprocess
import sys
import time

from pyspark import SparkConf, SparkContext

GOOD = 2000
PARTITIONS = 4


def fail(message):
    print(f"spark.sh: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def fixtures(root, rubric_ids):
    """(rubric id, text) for every fixtures/<rubric id>/*.md, sorted."""
    out = []
    for rubric in sorted(rubric_ids):
        folder = os.path.join(root, rubric)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    out.append((rubric, f.read()))
    return out


def bad_records():
    """20 bad records: (the line, the id it must come back with, what its error says)."""
    text = "Members who commute struggle to stream on the train."
    bad = []
    for i in range(4):
        # Not JSON: no id can be read, so it comes back as null.
        bad.append((f'{{"id": "bad-json-{i}", "text": "cut off', None, "not a JSON record"))
    for i in range(4):
        rid = f"bad-field-{i}"
        line = json.dumps({"id": rid, "text": text, "rubric": "metrics", "score": 100})
        bad.append((line, rid, "unknown field `score`"))
    for i, empty in enumerate(["", "   ", "\n\n", "---\nrubric: metrics\n---\n"]):
        rid = f"bad-empty-{i}"
        line = json.dumps({"id": rid, "text": empty, "rubric": "metrics"})
        bad.append((line, rid, "empty"))
    for i, name in enumerate(["product-pich", "metric", "nope", "Metrics"]):
        rid = f"bad-rubric-{i}"
        bad.append((json.dumps({"id": rid, "text": text, "rubric": name}), rid, "rubric"))
    for i, path in enumerate(
        ["/etc/passwd", "/dev/zero", "../rubrics/metrics.toml", "rubrics/metrics.toml"]
    ):
        rid = f"bad-path-{i}"
        bad.append((json.dumps({"id": rid, "text": text, "rubric": path}), rid, path))
    return bad


def records(root, rubric_ids):
    """The input lines and, per line, (id, rubric or None, what a bad one's error says)."""
    good = fixtures(root, rubric_ids)
    check(good, f"no fixtures found under {root}")
    lines = []
    for i in range(GOOD):
        rubric, text = good[i % len(good)]
        # Half the ids are numbers: ids come back with their JSON type.
        rid = i if i % 2 else f"rec-{i:05}"
        record = json.dumps({"id": rid, "text": text, "rubric": rubric})
        lines.append((record, (rid, rubric, None)))
    for line, rid, error in bad_records():
        lines.append((line, (rid, None, error)))
    random.Random(16).shuffle(lines)
    return lines


def verify(out_parts, in_parts):
    """Every check of one run's output against its input, partition by partition."""
    parts = len(out_parts)
    check(parts == PARTITIONS, f"{parts} output partitions, not {PARTITIONS}")
    seen = collections.Counter()
    errors = 0
    for p, (outs, ins) in enumerate(zip(out_parts, in_parts)):
        check(
            len(outs) == len(ins),
            f"partition {p}: {len(outs)} output lines for {len(ins)} records",
        )
        for k, (raw, (rid, rubric, error)) in enumerate(zip(outs, ins)):
            where = f"partition {p}, record {k + 1}"
            try:
                reply = json.loads(raw)
            except ValueError as e:
                fail(f"{where}: output is not JSON ({e}): {raw[:200]}")
            got = reply.get("id")
            check(got == rid and type(got) is type(rid), f"{where}: id {got!r}, not {rid!r}")
            if rid is not None:
                seen[json.dumps(rid)] += 1
            if error is None:
                report = reply.get("report")
                check(isinstance(report, dict), f"{where} ({rid!r}): no report: {raw[:300]}")
                schema = report.get("schema")
                check(schema == "grade-report/1", f"{where}: schema {schema!r}")
                graded = report["rubric"]["id"]
                check(graded == rubric, f"{where}: graded under {graded}, not {rubric}")
                continue
            errors += 1
            message = reply.get("error")
            is_error = isinstance(message, str) and "report" not in reply
            check(is_error, f"{where} ({rid!r}): not an error object: {raw[:300]}")
            check(error in message, f"{where} ({rid!r}): error {message!r} lacks {error!r}")
            # No blank lines: the partition's k-th record is its k-th line.
            at = (reply.get("line"), reply.get("record"))
            check(at == (k + 1, k + 1), f"{where}: (line, record) is {at}, not {k + 1}")
    expected = collections.Counter(
        json.dumps(rid) for ins in in_parts for rid, _, _ in ins if rid is not None
    )
    missing = list((expected - seen).elements())[:5]
    extra = list((seen - expected).elements())[:5]
    check(seen == expected, f"ids differ: missing {missing}, extra {extra}")
    check(all(n == 1 for n in seen.values()), "an id came back more than once")
    return errors


def failed_tasks(sc, group):
    """Failed tasks in every stage of the jobs of `group`, and whether every job succeeded."""
    tracker = sc.statusTracker()
    failed, succeeded = 0, True
    for job in tracker.getJobIdsForGroup(group):
        info = tracker.getJobInfo(job)
        succeeded = succeeded and info is not None and info.status == "SUCCEEDED"
        for stage in info.stageIds if info else []:
            stage_info = tracker.getStageInfo(stage)
            failed += stage_info.numFailedTasks if stage_info else 0
    return failed, succeeded


def main():
    binary, root = sys.argv[1], sys.argv[2]
    usable = os.path.isabs(binary) and os.access(binary, os.X_OK)
    check(usable, f"{binary} is not an executable absolute path")
    listed = subprocess.run([binary, "rubrics", "list"], capture_output=True, text=True, check=True)
    rubric_ids = [row.split()[0] for row in listed.stdout.splitlines() if row.strip()]
    rubric_ids = [r for r in rubric_ids if os.path.isdir(os.path.join(root, r))]
    lines = records(root, rubric_ids)
    # grade on the PATH of the driver, and so of the JVM and its Python workers.
    os.environ["PATH"] = os.path.dirname(binary) + os.pathsep + os.environ.get("PATH", "")
    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("grade-spark-test")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        rdd = sc.parallelize([line for line, _ in lines], PARTITIONS)
        expect = sc.parallelize([e for _, e in lines], PARTITIONS).glom().collect()
        check(rdd.getNumPartitions() == PARTITIONS, f"{rdd.getNumPartitions()} partitions")

        # 1. The absolute path, checkCode=True: the README's first line.
        sc.setJobGroup("absolute", "grade by absolute path")
        start = time.monotonic()
        out = rdd.pipe(f"{binary} --stdin-jsonl", checkCode=True).glom().collect()
        seconds = time.monotonic() - start
        errors = verify(out, expect)
        failed, succeeded = failed_tasks(sc, "absolute")
        check(succeeded and failed == 0, f"{failed} failed tasks (jobs succeeded: {succeeded})")
        check(errors == 20, f"{errors} error objects, expected 20")

        # 2. The bare name with env= carrying PATH: the same lines. Without env= it is not
        # found, though grade is on the PATH every Spark process here inherited.
        sc.setJobGroup("env", "grade by name with env=")
        path = {"PATH": os.environ["PATH"]}
        by_name = rdd.pipe("grade --stdin-jsonl", env=path, checkCode=True)
        check(by_name.glom().collect() == out, "by name with env= PATH: other lines")
        bare = "not checked: grade is in /bin or /usr/bin"
        if shutil.which("grade", path=os.defpath) is None:
            bare = "not found"
            try:
                rdd.pipe("grade --stdin-jsonl", checkCode=True).count()
                fail("a bare `grade` without env= was found: the README says it is not")
            except Exception as e:  # py4j's error for the failed job
                why = str(e)
                not_found = "FileNotFoundError" in why
                check(not_found, f"bare `grade`: not a FileNotFoundError: {why[:300]}")

        # 3. A grade that exits 2 (unknown --rubric): checkCode=True fails the job...
        sc.setJobGroup("exit2", "grade exits 2")
        try:
            rdd.pipe(f"{binary} --stdin-jsonl --rubric nope", checkCode=True).count()
            fail("checkCode=True: a grade that exits 2 did not fail the job")
        except Exception as e:  # py4j's error for the failed job
            why = str(e)
            on_exit = "PIPE_FUNCTION_EXITED" in why or "exited" in why
            check(on_exit, f"the job failed, but not on grade's exit code: {why[:300]}")
        # ...and without it the job "succeeds" with no lines: why the README says checkCode=True.
        silent = rdd.pipe(f"{binary} --stdin-jsonl --rubric nope").count()
        check(silent == 0, f"without checkCode, {silent} lines from a grade that exits 2")

        per_partition = [len(p) for p in expect]
        print(
            f"spark.sh: ok: {len(lines)} records ({errors} bad) in {PARTITIONS} partitions "
            f"{per_partition}, local[2], PySpark {sc.version}: {len(lines)} lines back, ids kept, "
            f"errors as error objects with partition-relative line and record, no failed task; "
            f"the job took {seconds:.1f} s; by name with env= PATH the same lines, without env= "
            f"{bare}; checkCode=True failed the job on exit 2, without it 0 lines"
        )
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
