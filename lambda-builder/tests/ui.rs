//! Compile errors of the builder macros: each `tests/ui/<case>.rs` must fail with exactly its
//! blessed `<case>.stderr`. Bless with `TRYBUILD=overwrite cargo test -p lambda-builder --test ui`.

// rustc's own notes change between releases; the .stderr files are those of 1.95.
#[rustversion::attr(not(stable(1.95)), ignore)]
#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
