// Preload (node -r ./tools/fix-random.js app.js) that makes Math.random return a fixed value chosen by
// CDK_TOKEN_SEED (0..9, 0 when unset). aws-cdk-lib starts its token counter at
// Math.floor(Math.random()*10), so token texts such as ${Token[AWS.Region.4]} in warnings vary
// between identical runs; with this preload a run is reproducible. lambda-cdk prints the texts of
// seed 0.
const seed = Number(process.env.CDK_TOKEN_SEED || '0');
Math.random = () => (seed + 0.5) / 10;
