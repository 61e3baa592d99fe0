//! The committed JSON Schema matches the Rust types it is generated from.

use zhenggai::model::Dataset;

/// data/schema.json is what schemars generates from `model::Dataset` today;
/// run with `UPDATE_SCHEMA=1` to write it again after changing the model.
#[test]
fn committed_schema_is_generated_from_the_model() {
    let schema = schemars::schema_for!(Dataset);
    let mut generated = serde_json::to_string_pretty(&schema).unwrap();
    generated.push('\n');
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "data/schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test schema` and commit it"
    );
}
