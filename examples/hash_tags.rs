//! `currentVersion` hashing: the same function in two stacks, only the tags differ, so the
//! version logical IDs are equal (tags are not version-locked; oracle app `hash-tags`).

use lambda_cdk::prelude::*;
use lambda_cdk::Tags;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    for (stack_name, team) in [("hash-tags-a", "alpha"), ("hash-tags-b", "beta")] {
        let stack = Stack::builder().build(&app, stack_name)?;
        let function = Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => \"hi\";"))
            .description("same description")
            .build(&stack, "MyFunction")?;
        Tags::of(&function).add("team", team);
        function.add_alias("live")?;
    }
    app.synth()?;
    Ok(())
}
