//! Handler strings: the form each runtime family expects, and which source file a
//! handler names (so the macro can check the file exists in the asset folder).

use crate::codes;
use crate::error::SpecError;
use crate::runtime::{Runtime, RuntimeFamily};

/// The handler a container-image function must use (CDK's `Handler.FROM_IMAGE`);
/// no `Handler` property is emitted for it.
pub const HANDLER_FROM_IMAGE: &str = "FROM_IMAGE";

/// Longest handler CloudFormation accepts, in characters.
pub const HANDLER_MAX_LENGTH: usize = 128;

/// File extensions Lambda's Node.js runtime tries for a handler module, in its order.
pub const NODE_HANDLER_EXTENSIONS: &[&str] = &["js", "mjs", "cjs"];

/// What a handler for `runtime` looks like, with an example, for error messages.
pub const fn handler_format_hint(runtime: Runtime) -> &'static str {
    match runtime.family() {
        None => "`FROM_IMAGE`",
        Some(RuntimeFamily::NodeJs) => "`file.function`, the file path may have folders (e.g. `index.handler`, `src/index.handler`)",
        Some(RuntimeFamily::Python) => "`module.function`, the module path may have folders (e.g. `app.handler`, `src/app.handler`)",
        Some(RuntimeFamily::Ruby) => "`file.method` (e.g. `function.handler`)",
        Some(RuntimeFamily::Java) => "`package.Class::method` or `package.Class` (e.g. `example.Handler::handleRequest`)",
        Some(RuntimeFamily::DotnetCore) => "`Assembly::Namespace.Class::Method` (e.g. `MyApp::MyApp.Function::Handler`), or the assembly name for an executable assembly",
        Some(RuntimeFamily::Go) => "the name of the executable (e.g. `bootstrap`)",
        Some(RuntimeFamily::Other) => "any non-empty name; custom runtimes read it from `_HANDLER` (e.g. `bootstrap`)",
    }
}

/// Checks that `handler` has the form `runtime` expects (`InvalidHandlerFormat`,
/// `HandlerTooLong`). CDK itself checks none of this; CloudFormation or the first
/// invocation would fail instead.
///
/// Node.js and Python: `file.function` (folders allowed, `src/index.handler`);
/// Java: `package.Class::method` or `package.Class`; .NET:
/// `Assembly::Namespace.Class::Method` or an executable assembly's name; Ruby:
/// `file.method`; Go and custom (`provided*`) runtimes: anything non-empty;
/// [`Runtime::FROM_IMAGE`]: exactly [`HANDLER_FROM_IMAGE`], and that handler only there.
pub fn validate_handler(runtime: Runtime, handler: &str) -> Result<(), SpecError> {
    let name = runtime.name();
    let hint = handler_format_hint(runtime);
    if runtime.is_from_image() {
        if handler == HANDLER_FROM_IMAGE {
            return Ok(());
        }
        return Err(invalid(format!(
            "handler `{handler}` is not valid for runtime `{name}`: container-image functions must use handler `{HANDLER_FROM_IMAGE}`, the image's CMD/ENTRYPOINT picks the code to run"
        )));
    }
    if handler == HANDLER_FROM_IMAGE {
        return Err(invalid(format!(
            "handler `{HANDLER_FROM_IMAGE}` is only for container images (runtime `FROM_IMAGE`); runtime `{name}` expects {hint}"
        )));
    }
    if handler.is_empty() {
        return Err(invalid(format!(
            "handler must not be empty; runtime `{name}` expects {hint}"
        )));
    }
    let len = handler.chars().count();
    if len > HANDLER_MAX_LENGTH {
        return Err(SpecError::new(
            codes::HANDLER_TOO_LONG,
            format!("handler must be at most {HANDLER_MAX_LENGTH} characters, got {len}"),
        ));
    }
    if handler.chars().any(char::is_whitespace) {
        return Err(invalid(format!(
            "handler `{handler}` must not contain whitespace; runtime `{name}` expects {hint}"
        )));
    }
    if parse(runtime, handler).is_none() {
        return Err(invalid(format!(
            "handler `{handler}` is not valid for runtime `{name}`: expected {hint}"
        )));
    }
    Ok(())
}

/// The files (relative to the code folder, `/`-separated) one of which must exist for
/// `handler` to load on `runtime`, or `None` when the runtime does not name a source
/// file (Java, .NET, Go, custom, image) or the handler is malformed.
///
/// Node.js `src/index.handler` → `["src/index.js", "src/index.mjs", "src/index.cjs"]`;
/// Python `src/app.main` → `["src/app.py"]` (dotted modules become folders:
/// `pkg.app.main` → `["pkg/app.py"]`); Ruby `function.handler` → `["function.rb"]`.
pub fn handler_source_candidates(runtime: Runtime, handler: &str) -> Option<Vec<String>> {
    if validate_handler(runtime, handler).is_err() {
        return None;
    }
    let module = parse(runtime, handler)?.module?;
    let files = match runtime.family()? {
        RuntimeFamily::NodeJs => NODE_HANDLER_EXTENSIONS
            .iter()
            .map(|ext| format!("{module}.{ext}"))
            .collect(),
        RuntimeFamily::Python => vec![format!("{}.py", module.replace('.', "/"))],
        RuntimeFamily::Ruby => vec![format!("{module}.rb")],
        _ => return None,
    };
    Some(files)
}

fn invalid(message: String) -> SpecError {
    SpecError::new(codes::INVALID_HANDLER_FORMAT, message)
}

/// A handler that has its runtime's form; `module` is the source module it names.
struct Parsed {
    module: Option<String>,
}

/// Parses `handler` for `runtime`'s family; `None` if it has the wrong form.
fn parse(runtime: Runtime, handler: &str) -> Option<Parsed> {
    match runtime.family()? {
        RuntimeFamily::NodeJs => parse_file_then_path(handler, is_js_identifier),
        RuntimeFamily::Ruby => parse_file_then_path(handler, is_ruby_name),
        RuntimeFamily::Python => parse_python(handler),
        RuntimeFamily::Java => parse_java(handler).then_some(Parsed { module: None }),
        RuntimeFamily::DotnetCore => parse_dotnet(handler).then_some(Parsed { module: None }),
        RuntimeFamily::Go | RuntimeFamily::Other => Some(Parsed { module: None }),
    }
}

/// Node.js and Ruby: `[dir/]file.rest`, the file ending at the first `.` after the
/// last `/` (as Lambda's runtime interface clients split it); `rest` is one or more
/// `.`-separated names.
fn parse_file_then_path(handler: &str, is_name: fn(&str) -> bool) -> Option<Parsed> {
    let (dir, last) = match handler.rfind('/') {
        Some(i) => (Some(&handler[..i]), &handler[i + 1..]),
        None => (None, handler),
    };
    let (file, rest) = last.split_once('.')?;
    if file.is_empty() || !rest.split('.').all(is_name) {
        return None;
    }
    match dir {
        None => Some(Parsed {
            module: Some(file.to_string()),
        }),
        Some(dir) if dir.split('/').all(|s| !s.is_empty()) => Some(Parsed {
            module: Some(format!("{dir}/{file}")),
        }),
        Some(_) => None,
    }
}

/// Python: `module.function`, split at the last `.`; the module may use `/` or `.`
/// between folders.
fn parse_python(handler: &str) -> Option<Parsed> {
    let (module, function) = handler.rsplit_once('.')?;
    if !is_identifier(function, false) || module.split(['/', '.']).any(str::is_empty) {
        return None;
    }
    Some(Parsed {
        module: Some(module.to_string()),
    })
}

/// Java: `package.Class::method` or `package.Class`.
fn parse_java(handler: &str) -> bool {
    let (class, method) = match handler.split_once("::") {
        Some((class, method)) => (class, Some(method)),
        None => (handler, None),
    };
    class.split('.').all(|s| is_identifier(s, true))
        && method.is_none_or(|m| is_identifier(m, true))
}

/// .NET: `Assembly::Namespace.Class::Method`, or just `Assembly` (executable assembly).
fn parse_dotnet(handler: &str) -> bool {
    let parts: Vec<&str> = handler.split("::").collect();
    let assembly_ok = |a: &str| {
        !a.is_empty()
            && a.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    };
    match parts.as_slice() {
        [assembly] => assembly_ok(assembly),
        [assembly, type_name, method] => {
            assembly_ok(assembly)
                && type_name.split('.').all(is_dotnet_type_segment)
                && is_identifier(method, false)
        }
        _ => false,
    }
}

/// `[A-Za-z_][A-Za-z0-9_]*`, plus `$` when `dollar` (Java).
fn is_identifier(s: &str, dollar: bool) -> bool {
    let mut chars = s.chars();
    let extra = |c: char| c == '_' || (dollar && c == '$');
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || extra(c) => {
            chars.all(|c| c.is_ascii_alphanumeric() || extra(c))
        }
        _ => false,
    }
}

/// A JavaScript property name: `[A-Za-z_$][A-Za-z0-9_$]*`.
fn is_js_identifier(s: &str) -> bool {
    is_identifier(s, true)
}

/// A Ruby method or constant path: names joined by `::`, the last may end in `?` or `!`.
fn is_ruby_name(s: &str) -> bool {
    let s = s.strip_suffix(['?', '!']).unwrap_or(s);
    s.split("::").all(|p| is_identifier(p, false))
}

/// A .NET type name segment; `+` (nested types) and `` ` `` (generic arity) allowed.
fn is_dotnet_type_segment(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {
            chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '`'))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(runtime: Runtime, handler: &str) {
        if let Err(e) = validate_handler(runtime, handler) {
            panic!("{handler} on {runtime}: {e}");
        }
    }

    fn bad(runtime: Runtime, handler: &str) -> SpecError {
        match validate_handler(runtime, handler) {
            Ok(()) => panic!("{handler} on {runtime} should be refused"),
            Err(e) => e,
        }
    }

    #[test]
    fn node_handlers() {
        let r = Runtime::NODEJS_22_X;
        for h in [
            "index.handler",
            "src/index.handler",
            "dist/v1.2/index.handler",
            "index.handlers.main",
            "index.$main",
        ] {
            ok(r, h);
        }
        for h in [
            "index",
            ".handler",
            "index.",
            "index.1abc",
            "/index.handler",
            "a//index.handler",
            "index.handler-x",
        ] {
            assert_eq!(bad(r, h).code, "InvalidHandlerFormat", "{h}");
        }
        assert_eq!(
            bad(r, "index").message,
            "handler `index` is not valid for runtime `nodejs22.x`: expected `file.function`, the file path may have folders (e.g. `index.handler`, `src/index.handler`)"
        );
    }

    #[test]
    fn python_handlers() {
        let r = Runtime::PYTHON_3_12;
        for h in [
            "app.main",
            "src/app.main",
            "pkg.app.main",
            "lambda_function.lambda_handler",
            "my-mod.handler",
        ] {
            ok(r, h);
        }
        for h in [
            "app",
            "app.",
            ".main",
            "app.main-x",
            "src/.main",
            "../app.main",
            "app.1main",
        ] {
            assert_eq!(bad(r, h).code, "InvalidHandlerFormat", "{h}");
        }
    }

    #[test]
    fn ruby_handlers() {
        let r = Runtime::RUBY_3_4;
        for h in [
            "function.handler",
            "src/function.handler",
            "function.Module::Klass.process",
            "function.ready?",
        ] {
            ok(r, h);
        }
        for h in ["function", "function.", "function.9x"] {
            assert_eq!(bad(r, h).code, "InvalidHandlerFormat", "{h}");
        }
    }

    #[test]
    fn java_handlers() {
        let r = Runtime::JAVA_21;
        for h in [
            "example.Handler::handleRequest",
            "example.Handler",
            "Handler",
            "com.acme.Outer$Inner::run",
        ] {
            ok(r, h);
        }
        for h in [
            "example.Handler::",
            "::handleRequest",
            "example..Handler",
            "a::b::c",
            "example.Handler.handleRequest()",
        ] {
            assert_eq!(bad(r, h).code, "InvalidHandlerFormat", "{h}");
        }
    }

    #[test]
    fn dotnet_handlers() {
        let r = Runtime::DOTNET_8;
        for h in [
            "MyApp::MyApp.Function::Handler",
            "My.App-1::Ns.Outer+Inner::Run",
            "MyApp",
        ] {
            ok(r, h);
        }
        for h in [
            "MyApp::Handler",
            "MyApp::Ns.Class::",
            "::Ns.Class::Run",
            "a::b::c::d",
        ] {
            assert_eq!(bad(r, h).code, "InvalidHandlerFormat", "{h}");
        }
    }

    #[test]
    fn custom_and_go_runtimes_take_any_name() {
        for r in [
            Runtime::PROVIDED_AL2023,
            Runtime::PROVIDED_AL2,
            Runtime::GO_1_X,
        ] {
            ok(r, "bootstrap");
            ok(r, "anything.at::all");
            let e = bad(r, "");
            assert_eq!(e.code, "InvalidHandlerFormat");
        }
        assert_eq!(
            bad(Runtime::PROVIDED_AL2023, "").message,
            "handler must not be empty; runtime `provided.al2023` expects any non-empty name; custom runtimes read it from `_HANDLER` (e.g. `bootstrap`)"
        );
    }

    #[test]
    fn from_image_needs_the_from_image_handler_and_only_it() {
        ok(Runtime::FROM_IMAGE, "FROM_IMAGE");
        let e = bad(Runtime::FROM_IMAGE, "index.handler");
        assert_eq!(e.code, "InvalidHandlerFormat");
        assert_eq!(
            e.message,
            "handler `index.handler` is not valid for runtime `FROM_IMAGE`: container-image functions must use handler `FROM_IMAGE`, the image's CMD/ENTRYPOINT picks the code to run"
        );
        let e = bad(Runtime::NODEJS_22_X, "FROM_IMAGE");
        assert_eq!(e.code, "InvalidHandlerFormat");
        assert!(e
            .message
            .starts_with("handler `FROM_IMAGE` is only for container images"));
        assert_eq!(
            bad(Runtime::PROVIDED_AL2023, "FROM_IMAGE").code,
            "InvalidHandlerFormat"
        );
    }

    #[test]
    fn whitespace_and_length() {
        let e = bad(Runtime::NODEJS_22_X, "index. handler");
        assert_eq!(e.code, "InvalidHandlerFormat");
        assert!(e.message.contains("must not contain whitespace"));
        assert_eq!(
            bad(Runtime::PROVIDED_AL2023, "boot strap").code,
            "InvalidHandlerFormat"
        );
        let long = format!("index.{}", "h".repeat(122)); // 128 characters
        ok(Runtime::NODEJS_22_X, &long);
        let too_long = format!("index.{}", "h".repeat(123));
        let e = bad(Runtime::NODEJS_22_X, &too_long);
        assert_eq!(e.code, "HandlerTooLong");
        assert_eq!(e.message, "handler must be at most 128 characters, got 129");
    }

    #[test]
    fn source_candidates() {
        let node = Runtime::NODEJS_20_X;
        assert_eq!(
            handler_source_candidates(node, "index.handler"),
            Some(vec![
                "index.js".into(),
                "index.mjs".into(),
                "index.cjs".into()
            ])
        );
        assert_eq!(
            handler_source_candidates(node, "src/index.handlers.main"),
            Some(vec![
                "src/index.js".into(),
                "src/index.mjs".into(),
                "src/index.cjs".into()
            ])
        );
        let py = Runtime::PYTHON_3_12;
        assert_eq!(
            handler_source_candidates(py, "app.main"),
            Some(vec!["app.py".into()])
        );
        assert_eq!(
            handler_source_candidates(py, "src/app.main"),
            Some(vec!["src/app.py".into()])
        );
        assert_eq!(
            handler_source_candidates(py, "pkg.app.main"),
            Some(vec!["pkg/app.py".into()])
        );
        assert_eq!(
            handler_source_candidates(Runtime::RUBY_3_3, "file.method"),
            Some(vec!["file.rb".into()])
        );
        assert_eq!(handler_source_candidates(Runtime::JAVA_21, "a.B::c"), None);
        assert_eq!(
            handler_source_candidates(Runtime::DOTNET_8, "A::B.C::D"),
            None
        );
        assert_eq!(
            handler_source_candidates(Runtime::PROVIDED_AL2023, "bootstrap"),
            None
        );
        assert_eq!(
            handler_source_candidates(Runtime::FROM_IMAGE, "FROM_IMAGE"),
            None
        );
        assert_eq!(handler_source_candidates(node, "index"), None);
    }
}
