//! Bundles the data files in data/*.json (except schema.json) into the binary.
//!
//! Writes `$OUT_DIR/bundled_files.rs`, a slice of (name, contents) pairs read
//! with `include_str!`, so that adding a data file needs no code change.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-changed=data");
    let root = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_owned());
    let data = Path::new(&root).join("data");
    let mut files: Vec<_> = fs::read_dir(&data)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .filter(|p| p.file_name().is_some_and(|n| n != "schema.json"))
                .collect()
        })
        // No data directory yet: bundle nothing.
        .unwrap_or_default();
    files.sort();
    let mut code = String::from("&[\n");
    for path in &files {
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let name = format!("data/{file_name}");
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("]\n");
    let out = env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    if let Err(e) = fs::write(Path::new(&out).join("bundled_files.rs"), code) {
        println!("cargo::error=cannot write bundled_files.rs: {e}");
    }
}
