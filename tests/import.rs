//! The importer, end to end: the seed newspaper page against the hand transcription,
//! other units' reports, and bad input.

use std::path::{Path, PathBuf};

use zhenggai::import::{ImportError, import_bytes};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed text: the copy in data/sources, else the shared seed.
fn seed_path() -> PathBuf {
    let copy = root().join("data/sources/wuxi-2021-12-30.txt");
    if copy.exists() {
        copy
    } else {
        PathBuf::from("/work/shared/seed/000_4dbd7d55ec649d04.txt")
    }
}

/// Prints the import of $IMPORT_DUMP as JSON, with placements (a development aid).
#[test]
fn dump_when_asked() {
    let Ok(path) = std::env::var("IMPORT_DUMP") else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    match import_bytes(&bytes, &path) {
        Ok(imported) => {
            for p in &imported.placements {
                eprintln!("{}:{}: {}: {}", p.source, p.line, p.place, p.excerpt);
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&imported.dataset).unwrap()
            );
        }
        Err(e) => println!("ERROR: {e}"),
    }
    let _ = Path::new(&path);
    let _: Option<ImportError> = None;
    let _ = seed_path();
}
