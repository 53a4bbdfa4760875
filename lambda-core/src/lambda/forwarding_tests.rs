//! The wrapper constructs build a `Function` with every prop of `Function::builder()` they
//! take; a prop added to `Function` and forgotten in a wrapper that forwards them all fails here.

/// The names of the parameters of the first `pub fn new(` in `source`.
fn params(source: &str) -> Vec<String> {
    let start = source.find("pub fn new(").expect("a builder") + "pub fn new(".len();
    let end = start + source[start..].find(") -> Result<").expect("its end");
    source[start..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("///") && !l.starts_with("//") && !l.starts_with("#["))
        .filter_map(|l| l.split_once(':').map(|(name, _)| name.trim().to_owned()))
        .filter(|name| !name.is_empty() && !name.contains(' '))
        .collect()
}

/// The `Function` props `wrapper` (its source) does not hand to `Function::builder()`.
fn not_forwarded(wrapper: &str, own: &[&str]) -> Vec<String> {
    let function = params(include_str!("function.rs"));
    assert!(function.len() > 40, "{function:?}");
    function
        .into_iter()
        .filter(|p| !["scope", "id"].contains(&p.as_str()) && !own.contains(&p.as_str()))
        .filter(|p| {
            !wrapper.contains(&format!(".maybe_{p}(")) && !wrapper.contains(&format!(".{p}("))
        })
        .collect()
}

/// `RustFunction` sets `code` itself (the cargo-lambda build); every other prop goes through.
#[test]
fn rust_function_forwards_every_function_prop() {
    let missing = not_forwarded(include_str!("rust_function.rs"), &["code"]);
    assert!(missing.is_empty(), "not forwarded: {missing:?}");
}

/// `SingletonFunction` takes every prop of `Function` (the first instance's are used).
#[test]
fn singleton_function_forwards_every_function_prop() {
    let missing = not_forwarded(include_str!("singleton.rs"), &[]);
    assert!(missing.is_empty(), "not forwarded: {missing:?}");
}

/// `DockerImageFunction` sets the runtime, handler and code from the image.
#[test]
fn docker_image_function_forwards_every_function_prop() {
    let missing = not_forwarded(
        include_str!("docker_image.rs"),
        &["runtime", "handler", "code"],
    );
    assert!(missing.is_empty(), "not forwarded: {missing:?}");
}
