use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    description = "Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. Handles orders. ",
)]
pub struct Orders;

fn main() {}
