//! Fixture runner: every `testdata/rules/<CODE>-<name>/fail-*` file must raise its rule, and its
//! rendered diagnostics are snapshotted next to it; every `pass-*` file must raise nothing of that
//! rule. Messages follow the house convention: lower-case start, no trailing period.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::path::PathBuf;

use factlint::report::render_diagnostic;
use factlint::{Settings, lint_source};

#[test]
fn rule_fixtures() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/rules");
    let settings = Settings::default();
    let mut checked = 0;
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let folder = dir.file_name().unwrap().to_string_lossy().into_owned();
        let code = folder.split('-').next().unwrap().to_owned();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for file in files {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&file).unwrap();
            let shown = format!("{folder}/{name}");
            let (diagnostics, errors) = lint_source(&shown, &text, &settings);
            assert!(errors.is_empty(), "{shown}: {errors:?}");
            let own: Vec<_> = diagnostics.iter().filter(|d| d.code == code).collect();
            for d in &own {
                let first = d.message.chars().next().unwrap();
                assert!(
                    !first.is_uppercase(),
                    "{shown}: message starts upper-case: {}",
                    d.message
                );
                assert!(
                    !d.message.ends_with('.'),
                    "{shown}: message ends with a period: {}",
                    d.message
                );
            }
            if name.starts_with("pass-") {
                let rendered: Vec<String> = own
                    .iter()
                    .map(|d| render_diagnostic(&shown, &text, d, 80))
                    .collect();
                assert!(
                    own.is_empty(),
                    "{shown} must not raise {code}:\n{}",
                    rendered.join("\n")
                );
            } else if name.starts_with("fail-") {
                assert!(!own.is_empty(), "{shown} must raise {code}");
                let mut snapshot = String::new();
                for d in &own {
                    snapshot.push_str(&render_diagnostic(&shown, &text, d, 80));
                }
                let stem = name
                    .rsplit_once('.')
                    .map_or(name.as_str(), |(s, _)| s)
                    .to_owned();
                insta::with_settings!({
                    snapshot_path => dir.join("snapshots"),
                    prepend_module_to_snapshot => false,
                    input_file => &file,
                    omit_expression => true,
                }, {
                    insta::assert_snapshot!(stem, snapshot);
                });
            } else {
                continue;
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "no fixtures found under {}", root.display());
}
