//! Images: from the repository, embedded in every format (also at a git revision);
//! from the web, refused by `check` and never fetched by the document.

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;

mod common;

/// A 1×1 PNG.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";
const CASE: &str = "cases/monitor-kwaliteit.md";

fn kwaliteit(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("kwaliteit").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

fn git(dir: &Path, args: &[&str]) {
    let out = Process::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=S", "-c", "user.email=s@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git draait");
    assert!(out.status.success(), "git {args:?}");
}

fn add_to_case(dir: &Path, markdown: &str) {
    let path = dir.join(CASE);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(path, format!("{text}\n{markdown}\n")).unwrap();
}

fn rendered(dir: &Path, args: &[&str], ext: &str) -> Vec<u8> {
    let out = dir.join("uit");
    let assert = kwaliteit(dir)
        .args(["render", "--out"])
        .arg(&out)
        .args(args)
        .assert();
    let output = assert.get_output();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let file = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == ext))
        .unwrap();
    let bytes = fs::read(&file).unwrap();
    fs::remove_file(file).unwrap();
    bytes
}

#[test]
fn an_image_of_the_repository_is_embedded_also_at_a_revision() {
    let dir = common::copy_of_manifest();
    let root = dir.path();
    fs::create_dir(root.join("afbeeldingen")).unwrap();
    fs::write(root.join("afbeeldingen/grafiek.png"), PNG).unwrap();
    add_to_case(
        root,
        "![Grafiek van de wachttijden](../afbeeldingen/grafiek.png)",
    );
    // An image may also sit beside the texts.
    fs::write(root.join("cases/schets.png"), PNG).unwrap();
    add_to_case(root, "![Schets](schets.png)");
    let html = String::from_utf8(rendered(root, &["--format", "html"], "html")).unwrap();
    assert!(
        html.contains(r#"<img src="data:image/png;base64,iVBORw0KGgo"#),
        "geen ingebedde afbeelding"
    );
    assert!(html.contains(r#"alt="Grafiek van de wachttijden""#));
    assert!(html.contains(r#"alt="Schets""#));
    let md = String::from_utf8(rendered(root, &["--format", "md"], "md")).unwrap();
    assert!(md.contains("![Grafiek van de wachttijden](data:image/png;base64,iVBORw0KGgo"));
    let docx = rendered(root, &["--format", "docx"], "docx");
    assert!(
        docx.windows(PNG.len()).any(|w| w == PNG),
        "de afbeelding zit niet in het Word-bestand"
    );
    let document = String::from_utf8_lossy(&docx);
    assert!(document.contains("<w:drawing>"));
    assert!(
        document.contains(
            r#"<wp:docPr id="1" name="Afbeelding 1" descr="Grafiek van de wachttijden" />"#
        ),
        "geen beschrijving bij de afbeelding in Word"
    );

    // At a revision the image is read from git, not from the work tree.
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "grafiek"]);
    fs::write(root.join("afbeeldingen/grafiek.png"), b"GIF89a").unwrap();
    let html = String::from_utf8(rendered(root, &["--rev", "HEAD"], "html")).unwrap();
    assert!(html.contains(r#"<img src="data:image/png;base64,iVBORw0KGgo"#));
    let check = kwaliteit(root).arg("check").assert().code(1);
    let out = String::from_utf8_lossy(&check.get_output().stdout).into_owned();
    assert!(out.contains("fout[unsupported-image]"), "{out}");
    assert!(out.contains(&format!("{CASE}:")), "{out}");
    kwaliteit(root)
        .args(["check", "--rev", "HEAD"])
        .assert()
        .success();

    // A missing image is a broken link, as any link to a missing file.
    fs::remove_file(root.join("afbeeldingen/grafiek.png")).unwrap();
    let check = kwaliteit(root).arg("check").assert().code(1);
    let out = String::from_utf8_lossy(&check.get_output().stdout).into_owned();
    assert!(out.contains("fout[broken-link]"), "{out}");
}

#[cfg(unix)]
#[test]
fn an_image_behind_a_link_is_not_read() {
    let dir = common::copy_of_manifest();
    let root = dir.path();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("geheim.png"), PNG).unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("afbeeldingen")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("geheim.png"), root.join("cases/x.png"))
        .unwrap();
    add_to_case(root, "![a](../afbeeldingen/geheim.png) ![b](x.png)");
    let check = kwaliteit(root).arg("check").assert().code(1);
    let out = String::from_utf8_lossy(&check.get_output().stdout).into_owned();
    assert_eq!(out.matches("fout[unsupported-image]").count(), 2, "{out}");
    assert!(out.contains("geen gewoon bestand"), "{out}");
    let html = String::from_utf8(rendered(root, &["--force"], "html")).unwrap();
    assert!(
        !html.contains("<img"),
        "een afbeelding buiten de repository is gelezen"
    );
}

#[test]
fn a_web_image_is_refused_and_becomes_a_link() {
    let dir = common::copy_of_manifest();
    let root = dir.path();
    add_to_case(
        root,
        "![logo](https://tracker.example/pixel.png?wie=raad)\n\n![oud][foto]\n\n[![insigne](https://badge.example/x.svg)](https://raad.example/)\n\n[foto]: //cdn.example/foto.jpg",
    );
    let check = kwaliteit(root).arg("check").assert().code(1);
    let out = String::from_utf8_lossy(&check.get_output().stdout).into_owned();
    assert_eq!(out.matches("fout[remote-image]").count(), 3, "{out}");
    kwaliteit(root).arg("render").assert().code(1);
    let html = String::from_utf8(rendered(root, &["--force"], "html")).unwrap();
    assert!(!html.contains("<img"), "een afbeelding van het web");
    assert!(html.contains(r#"<a href="https://tracker.example/pixel.png?wie=raad">logo</a>"#));
    assert!(html.contains(r#"<a href="//cdn.example/foto.jpg">oud</a>"#));
    // An image in a link's text: the link stays, with the description as its text.
    assert!(html.contains(r#"<a href="https://raad.example/">insigne</a>"#));
    let md = String::from_utf8(rendered(root, &["--force", "--format", "md"], "md")).unwrap();
    assert!(!md.contains("![logo]") && !md.contains("![oud]"), "{md}");
    assert!(md.contains("[logo](https://tracker.example/pixel.png?wie=raad)"));
    let docx = rendered(root, &["--force", "--format", "docx"], "docx");
    let docx = String::from_utf8_lossy(&docx);
    assert!(!docx.contains("<w:drawing>"));
    assert!(docx.contains(r#"Target="https://tracker.example/pixel.png?wie=raad""#));
}
