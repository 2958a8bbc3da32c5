//! Every report format on the Selva corpus, snapshotted; SARIF validated against the SARIF
//! 2.1.0 schema; JUnit parsed as XML.

use crate::{claimcheck, root, run};

const CORPUS: &str = "tests/corpus/selva";

fn check(format: &str) -> String {
    let (code, stdout, stderr) = run(claimcheck().args(["check", CORPUS, "--format", format]));
    // Valdoria denies what Merkland asserts; 74 dead against at least 86: two errors.
    assert_eq!(code, 1, "stderr: {stderr}");
    stdout
}

#[test]
fn text() {
    insta::assert_snapshot!(check("text"));
}

#[test]
fn json() {
    insta::assert_snapshot!(check("json"));
}

#[test]
fn jsonl() {
    insta::assert_snapshot!(check("jsonl"));
}

#[test]
fn sarif() {
    insta::assert_snapshot!(check("sarif"));
}

#[test]
fn junit() {
    insta::assert_snapshot!(check("junit"));
}

#[test]
fn github() {
    insta::assert_snapshot!(check("github"));
}

#[test]
fn markdown() {
    insta::assert_snapshot!(check("markdown"));
}

#[test]
fn html() {
    let html = check("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"), "external asset");
    insta::assert_snapshot!(html);
}

fn json_value(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON: {e}\n{text}"))
}

fn sarif_validator() -> jsonschema::Validator {
    let path = root().join("tests/schema/sarif-2.1.0.json");
    let schema = json_value(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("bad SARIF schema: {e}"))
}

fn assert_valid_sarif(text: &str) {
    let validator = sarif_validator();
    let instance = json_value(text);
    let errors: Vec<String> =
        validator.iter_errors(&instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF invalid:\n{}", errors.join("\n"));
}

#[test]
fn sarif_is_valid_against_the_2_1_0_schema() {
    assert_valid_sarif(&check("sarif"));
}

/// The report crate's hand-made sample (two conflicts) rendered through its example: the
/// comparator is not wired on this branch, and results and locations need validating too.
fn sample(format: &str) -> String {
    let sample = root().join("crates/report/tests/data/sample-report.json");
    let output = std::process::Command::new(env!("CARGO"))
        .current_dir(root())
        .args(["run", "--quiet", "-p", "report", "--example", "render", "--"])
        .arg(&sample)
        .arg(format)
        .output()
        .unwrap_or_else(|e| panic!("cargo run: {e}"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn sarif_with_conflicts_is_valid() {
    let text = sample("sarif");
    assert!(text.contains("\"locations\""));
    assert_valid_sarif(&text);
}

fn report_validator() -> jsonschema::Validator {
    let path = root().join("crates/report/schema/report.schema.json");
    let schema = json_value(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("bad report schema: {e}"))
}

#[test]
fn json_report_follows_its_documented_schema() {
    let validator = report_validator();
    for text in [check("json"), sample("json")] {
        let instance = json_value(&text);
        let errors: Vec<String> =
            validator.iter_errors(&instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "JSON report off its schema:\n{}", errors.join("\n"));
    }
    let mut broken = json_value(&sample("json"));
    broken["conflicts"][0]["sides"] = serde_json::json!([]);
    assert!(!validator.is_valid(&broken), "a conflict without sides must be invalid");
}

#[test]
fn sarif_validation_can_fail() {
    let validator = sarif_validator();
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"results": []}]});
    assert!(!validator.is_valid(&broken), "a run without a tool must be invalid");
}

#[test]
fn junit_is_well_formed_xml_with_a_case_per_subject() {
    let xml = check("junit");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut cases = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e))
                if e.name().as_ref() == "testcase" =>
            {
                cases += 1;
            }
            Ok(_) => {}
            Err(err) => panic!("JUnit is not well-formed at {}: {err}\n{xml}", reader.buffer_position()),
        }
    }
    // The test pack checks one proposition and one frame.
    assert_eq!(cases, 2, "{xml}");
}

#[test]
fn json_summary_counts() {
    let report = json_value(&check("json"));
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["summary"]["files"], 3);
    assert_eq!(report["summary"]["documents"], 4);
    assert!(report["summary"]["claims"].as_u64().unwrap_or(0) >= 6, "{report}");
}

#[test]
fn claims_table() {
    let (code, stdout, _) = run(claimcheck().args(["claims", CORPUS]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn claims_csv() {
    let (code, stdout, _) = run(claimcheck().args(["claims", CORPUS, "--format", "csv"]));
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    assert_eq!(reader.records().count(), stdout.lines().count() - 1, "one record a line here");
    insta::assert_snapshot!(stdout);
}

#[test]
fn claims_jsonl_reads_back_as_claims() {
    let (code, stdout, _) = run(claimcheck().args(["claims", CORPUS, "--format", "jsonl"]));
    assert_eq!(code, 0);
    let claims: Vec<claim::Claim> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not a claim: {e}\n{line}")))
        .collect();
    assert!(claims.iter().any(|c| c.principal.id == "VLD" && c.stance == claim::Stance::Deny));
    let (_, json, _) = run(claimcheck().args(["claims", CORPUS, "--format", "json"]));
    let array: Vec<claim::Claim> = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(array, claims);
}

#[test]
fn explain_text() {
    let (code, stdout, _) =
        run(claimcheck().args(["explain", "--text", "Valdoria denied that its army breached the Selva dam."]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

/// Two outlets' tolls of one airstrike, in a temporary folder.
fn saraqib_reports() -> tempfile::TempDir {
    let dir = crate::tempdir();
    let write = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("cannot write {name}: {e}"))
    };
    write(
        "a.md",
        "---\nsource: Harbor Ledger\npublished: 2016-03-09\n---\n\
         An airstrike on the town of Saraqib killed 12 people on Tuesday, a monitor said.\n",
    );
    write(
        "b.md",
        "---\nsource: Northwind Wire\npublished: 2016-03-09\n---\n\
         Warplanes struck Saraqib in Idlib on Tuesday, killing 31 people, rescuers said.\n",
    );
    write(
        "c.md",
        "---\nsource: Cedar Post\npublished: 2016-03-09\n---\n\
         An air raid killed 40 people in Idlib province on Tuesday, state media said.\n",
    );
    dir
}

/// Issue 16: a value conflict of a generic frame names its event in the message and carries
/// it as an `event` object, on the conflict and on each side's value; a toll keyed only to
/// the governorate (Idlib, the same day, an air raid) is not compared with it.
#[test]
fn generic_tolls_of_one_event_name_it_in_text_and_json() {
    let dir = saraqib_reports();
    let path = dir.path().to_string_lossy().into_owned();
    let (code, text, stderr) = run(crate::bare_default().args(["check", &path, "--fail-on", "never"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(text.contains("people killed in an airstrike in Saraqib, Idlib, 8 March 2016"), "{text}");
    let (_, json, _) = run(crate::bare_default().args(["check", &path, "--format", "json", "--fail-on", "never"]));
    let report = json_value(&json);
    let errors: Vec<String> = report_validator().iter_errors(&report).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let conflicts = report["conflicts"].as_array().cloned().unwrap_or_default();
    let killed: Vec<&serde_json::Value> =
        conflicts.iter().filter(|c| c["frame"]["id"] == "casualties/killed").collect();
    assert_eq!(killed.len(), 1, "{json}");
    let conflict = killed[0];
    assert_eq!(conflict["event"]["place"]["id"], "saraqib");
    assert_eq!(conflict["event"]["place"]["kind"], "town");
    assert_eq!(conflict["event"]["date"], "2016-03-08");
    for side in conflict["sides"].as_array().into_iter().flatten() {
        assert_eq!(side["value"]["event"]["place"]["id"], "saraqib", "{side}");
        assert_ne!(side["actor_name"], "Cedar Post");
    }
}
