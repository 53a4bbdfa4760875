//! Asset exclude patterns in glob, .dockerignore and .gitignore modes, with negations
//! (oracle app `exclude-patterns`).

use std::path::Path;

use lambda_cdk::assets::IgnoreMode;
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "exclude-patterns")?;
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/exclude-src");
    let variants: [(&str, &[&str], IgnoreMode); 6] = [
        ("GlobExclude", &["*.ignore"], IgnoreMode::Glob),
        ("DockerExclude", &["*.ignore"], IgnoreMode::Docker),
        ("GitExclude", &["*.ignore"], IgnoreMode::Git),
        ("NegationGlob", &["*", "!index.py"], IgnoreMode::Glob),
        (
            "NegationDocker",
            &["*", "!index.py", "!sub", "sub/*.ignore"],
            IgnoreMode::Docker,
        ),
        ("NoExclude", &[], IgnoreMode::Glob),
    ];
    for (id, exclude, ignore_mode) in variants {
        let options = AssetOptions {
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
            ignore_mode,
        };
        Function::builder()
            .code(Code::from_asset_with(&src, options))
            .runtime(Runtime::PYTHON_3_12)
            .handler("index.handler")
            .build(&stack, id)?;
    }
    app.synth()?;
    Ok(())
}
