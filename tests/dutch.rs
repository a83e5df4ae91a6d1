//! Everything a user sees from the command line is Dutch: every `--help`, the
//! usage errors and the man page. clap and clap_mangen write English on their own,
//! so a new option or a new clap version must not bring English back unnoticed.

use std::process::Command;

/// English words clap, clap_mangen or a careless help text would bring in.
/// Matched as whole words, case-sensitively (`Argumenten` and `--help` are fine).
const ENGLISH: &[&str] = &[
    "error",
    "Error",
    "invalid",
    "Invalid",
    "value",
    "values",
    "Value",
    "possible",
    "Possible",
    "usage",
    "Usage",
    "argument",
    "arguments",
    "required",
    "found",
    "expected",
    "provided",
    "unexpected",
    "the",
    "The",
    "for",
    "more",
    "information",
    "try",
    "Try",
    "Options",
    "Commands",
    "Arguments",
    "Print",
    "help",
    "Help",
    "version",
    "default",
    "NAME",
    "SYNOPSIS",
    "DESCRIPTION",
    "OPTIONS",
    "SUBCOMMANDS",
    "EXTRA",
    "VERSION",
    "AUTHORS",
];

fn kwaliteit(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kwaliteit"))
        .args(args)
        .output()
        .expect("kwaliteit starts");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The English words in `text`, as whole words; `--help` and `--version` are
/// option names, not words.
fn english_words(text: &str) -> Vec<String> {
    // roff writes `-` as `\-`.
    let text = text
        .replace("\\-", "-")
        .replace("--help", "")
        .replace("--version", "");
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| ENGLISH.contains(word))
        .map(str::to_string)
        .collect()
}

fn assert_dutch(args: &[&str]) {
    let text = kwaliteit(args);
    let found = english_words(&text);
    assert!(
        found.is_empty(),
        "`kwaliteit {}` toont Engelse woorden {found:?}:\n{text}",
        args.join(" ")
    );
}

#[test]
fn every_help_is_dutch() {
    assert_dutch(&["--help"]);
    assert_dutch(&[]);
    let cmd = <kwaliteit::cli::Cli as clap::CommandFactory>::command();
    for sub in cmd.get_subcommands() {
        assert_dutch(&[sub.get_name(), "--help"]);
    }
}

#[test]
fn usage_errors_are_dutch() {
    let wrong: &[&[&str]] = &[
        &["chek"],
        &["check", "--bogus"],
        &["check", "--formt", "json"],
        &["check", "--format"],
        &["check", "--format", "xml"],
        &["check", "--strict", "--strict"],
        &["matrix", "--width", "abc"],
        &["matrix", "--by", "rol"],
        &["completions", "elvish"],
        &["completions"],
        &["schema", "--kind", "regel"],
        &["textconv"],
        &["textconv", "a", "b"],
        &["status", "extra"],
        &["new", "boek", "x"],
        &["new"],
        &["-C"],
        &["check", "--help=ja"],
        &["diff", ""],
        &["diff", "HEAD", ""],
        &["check", "--rev", ""],
    ];
    for args in wrong {
        assert_dutch(args);
    }
}

#[test]
fn completions_offer_only_supported_shells() {
    let text = kwaliteit(&["completions", "tcsh"]);
    assert!(
        text.contains("mogelijke waarden: bash, zsh, fish, powershell."),
        "{text}"
    );
    assert!(!text.contains("elvish"), "{text}");
}

#[test]
fn man_page_is_dutch_and_names_no_missing_pages() {
    assert_dutch(&["manpage"]);
    let man = kwaliteit(&["manpage"]);
    assert!(
        !man.contains("(1)"),
        "de man-pagina verwijst naar pagina's die er niet zijn:\n{man}"
    );
}

#[test]
fn the_word_list_catches_english() {
    assert_eq!(
        english_words("error: invalid value for --help"),
        ["error", "invalid", "value", "for"]
    );
    assert!(english_words("Argumenten: toon deze hulp (--help, --version)").is_empty());
}

#[test]
fn values_of_earlier_versions_still_work() {
    assert_eq!(
        kwaliteit(&["schema", "--kind", "principle"]),
        kwaliteit(&["schema", "--kind", "uitgangspunt"])
    );
    assert_eq!(
        kwaliteit(&["schema", "--kind", "case"]),
        kwaliteit(&["schema", "--kind", "casus"])
    );
    let check = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_kwaliteit"))
            .args([
                "-C",
                "tests/cmd/clean-minimal.in",
                "check",
                "--format",
                format,
            ])
            .output()
            .expect("kwaliteit starts")
    };
    assert_eq!(check("human").stdout, check("terminal").stdout);
    assert!(check("human").status.success());
    // Hidden: the old names are not offered.
    let help = kwaliteit(&["completions", "bash"]);
    assert!(!help.contains("human") && !help.contains("principle"));
}

/// One YAML text per kind of problem the YAML reader knows: each gets its own Dutch
/// message, at a line and column inside the text (which starts at line 2, as front
/// matter does).
#[test]
fn every_yaml_problem_is_dutch_and_placed() {
    use kwaliteit::load::yaml::{Problem, parse_all};
    let deep = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
    let inputs: &[(Problem, &str)] = &[
        (Problem::UnclosedQuote, "titel: \"open\nid: a\n"),
        (Problem::TextAfterQuote, "titel: \"a\" b\n"),
        (Problem::Escape, "titel: \"a\\q\"\n"),
        (Problem::Tab, "a:\n\tb: 1\n"),
        (Problem::Indentation, "a:\n  b: 1\n c: 2\n"),
        (Problem::Colon, "titel: a: b\n"),
        (Problem::Dash, "a: - b\n"),
        (Problem::Bracket, "a: [b, c\n"),
        (Problem::Missing, "a: b\nc\n"),
        (Problem::ReservedCharacter, "a: @b\n"),
        (Problem::Comment, "a: \"b\"#c\n"),
        (Problem::BlockScalar, "a: | x\n"),
        (Problem::Anchor, "a: *nergens\n"),
        (Problem::AnchorName, "a: & b\n"),
        (Problem::Tag, "a: !<x\n"),
        (Problem::Directive, "%YAML 1.2\n%YAML 1.2\n---\na: 1\n"),
        (Problem::Documents, "a: 1\n---\nb: 2\n"),
        (Problem::ByteOrderMark, "a: 1\n\u{feff}b: 2\n"),
        (Problem::End, "key: ,x\n"),
        (Problem::Key, "[a]: b\n"),
        (Problem::Merge, "<<: 1\n"),
        (Problem::Number, "a: !!int x\n"),
        (Problem::TooLarge, &deep),
        (Problem::DuplicateKey, "a: 1\nb: 2\na: 3\n"),
    ];
    for (problem, input) in inputs {
        let errors = parse_all(input, 2).expect_err(input);
        let first = &errors[0];
        assert_eq!(first.problem, *problem, "{input:?}: {}", first.message);
        let lines = input.lines().count();
        assert!(
            (2..=lines + 2).contains(&first.pos.line) && first.pos.column >= 1,
            "{input:?}: {:?}",
            first.pos
        );
        let found = english_words(&first.message);
        assert!(
            found.is_empty(),
            "{input:?}: English {found:?} in {}",
            first.message
        );
    }
    // Every kind has its example; `Other` is what a later parser version may add.
    for problem in Problem::ALL {
        assert!(
            *problem == Problem::Other || inputs.iter().any(|(p, _)| p == problem),
            "no example of {problem:?}"
        );
        assert!(english_words(problem.message()).is_empty(), "{problem:?}");
    }
}
