//! `Code::from_custom_command`: a command run at synthesis writes the code folder, which is then
//! staged as an asset (oracle app `custom-command`; no Docker).

use lambda_cdk::lambda::CustomCommandOptions;
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "custom-command")?;

    let out_dir = app.outdir().join("..").join("custom-command-build");
    let index = out_dir.join("index.js");
    let script = format!(
        "require('fs').mkdirSync({dir}, {{recursive: true}});\
         require('fs').writeFileSync({file}, 'exports.handler = async () => 1;\\n')",
        dir = serde_json::to_string(&out_dir.to_string_lossy()).expect("a string"),
        file = serde_json::to_string(&index.to_string_lossy()).expect("a string"),
    );
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_custom_command(
            &out_dir,
            &["node", "-e", &script],
            CustomCommandOptions::default(),
        )?)
        .build(&stack, "MyFunction")?;

    app.synth()?;
    Ok(())
}
