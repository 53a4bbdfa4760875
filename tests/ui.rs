//! Compile-time diagnostics of `#[lambda_function]` and `#[derive(VersionProps)]`:
//! each `tests/ui/<case>.rs` must fail with exactly its blessed `<case>.stderr`, and each
//! `tests/ui/pass/*.rs` must compile and run.
//!
//! Bless with `TRYBUILD=overwrite cargo test --test ui`, then read every changed `.stderr`.
//! trybuild builds the cases in `target/tests/trybuild/lambda-cdk/`, which is their
//! `CARGO_MANIFEST_DIR`: asset paths in the cases climb four folders to the repository.

// rustc's own notes change between releases; the .stderr files are those of 1.95.
#[rustversion::attr(not(stable(1.95)), ignore)]
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
