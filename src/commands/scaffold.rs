//! `kwaliteit new` and `kwaliteit init`: new files with valid front matter, never
//! overwriting one that exists.

use std::path::Path;

use super::{open, write_stdout};
use crate::cli::{InitArgs, NewArgs, NewKind};
use crate::error::Error;
use crate::exit;
use crate::scaffold::{self, Kind, NewFile};
use crate::write::{WriteError, write_new};

/// Write `file` under `root`, whole or not at all, and only if nothing is there yet.
fn create(root: &Path, file: &NewFile) -> Result<(), Error> {
    write_new(&root.join(&file.path), file.text.as_bytes()).map_err(|e| match e {
        // Named as the user gave it, relative to the repository.
        WriteError::Exists { .. } => WriteError::Exists {
            path: file.path.clone().into(),
        }
        .into(),
        other => other.into(),
    })
}

pub fn run_new(start: &Path, args: &NewArgs) -> Result<u8, Error> {
    let checked = open(start, None)?;
    let kind = match args.kind {
        NewKind::Casus => Kind::Case,
        NewKind::Uitgangspunt => Kind::Principle,
        NewKind::Ronde => Kind::Round,
    };
    if args.jaar.is_some() && kind == Kind::Principle {
        return Err(scaffold::ScaffoldError::YearForPrinciple.into());
    }
    let year = args.jaar.unwrap_or_else(|| crate::text::date::today().0);
    let file = scaffold::new_file(kind, &args.title, &checked.loaded.manifest, year)?;
    create(&checked.root, &file)?;
    write_stdout(
        format!(
            "Geschreven: {}\nVul de regels met `TODO:` in; `kwaliteit check` wijst ze aan.\n",
            super::shown(&checked.root.join(&file.path))
        )
        .as_bytes(),
    )?;
    Ok(exit::OK)
}

pub fn run_init(start: &Path, args: &InitArgs) -> Result<u8, Error> {
    let root = args.dir.clone().unwrap_or_else(|| start.to_path_buf());
    if root.join(crate::model::MANIFEST_FILE).exists() {
        return Err(Error::ManifestExists { dir: root });
    }
    let (year, _, _) = crate::text::date::today();
    let files = scaffold::init_files(
        args.gemeente.as_deref().unwrap_or(""),
        args.raad.as_deref().unwrap_or(""),
        year,
        args.ci,
    );
    // Refuse before writing anything, so a failure leaves no half repository.
    if let Some(existing) = files.iter().find(|f| root.join(&f.path).exists()) {
        return Err(Error::FileExists {
            file: existing.path.clone(),
            dir: root,
        });
    }
    let mut out = String::new();
    for f in &files {
        create(&root, f)?;
        out.push_str(&format!(
            "Geschreven: {}\n",
            super::shown(&root.join(&f.path))
        ));
    }
    // The workflow, the diff driver and `diff` all need a git repository.
    if !crate::source::git::is_git_repo(&root) {
        match std::process::Command::new("git")
            .args(["init", "--quiet"])
            .current_dir(&root)
            .status()
        {
            Ok(status) if status.success() => {
                out.push_str("Nieuwe git-repository gemaakt (`git init`).\n");
            }
            _ => out.push_str(
                "Geen git-repository gemaakt: het programma git ontbreekt of gaf een fout. Maak er later een met `git init`.\n",
            ),
        }
    }
    let here =
        std::env::current_dir().and_then(|c| c.canonicalize()).ok() == root.canonicalize().ok();
    let mut steps = Vec::new();
    if !here {
        steps.push(format!("cd {}", super::shown(&root)));
    }
    steps.push("vul de regels met `TODO:` in; `kwaliteit check` wijst ze aan".to_string());
    steps.push("kwaliteit render   (het document komt in build/)".to_string());
    steps.push("git add . && git commit -m \"Kwaliteitsmanifest\"".to_string());
    steps.push(match args.ci {
        scaffold::Ci::Github => "zet de repository op GitHub: de workflow controleert elke wijziging en maakt de documenten (zie README.md)".to_string(),
        scaffold::Ci::Gitlab => "zet de repository op GitLab: de pipeline controleert elke wijziging en maakt de documenten (zie README.md)".to_string(),
    });
    out.push_str("\nVolgende stappen:\n");
    for (i, step) in steps.iter().enumerate() {
        out.push_str(&format!("  {}. {step}\n", i + 1));
    }
    write_stdout(out.as_bytes())?;
    Ok(exit::OK)
}
