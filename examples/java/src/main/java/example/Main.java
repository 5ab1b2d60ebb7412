package example;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.api_gateway_rest_api.ApiGatewayRestApi;
import com.hashicorp.cdktf.providers.aws.api_gateway_rest_api.ApiGatewayRestApiConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import io.github.cdktf_api_gateway_deployment.RestApiDeployment;
import io.github.cdktf_api_gateway_deployment.RestApiDeploymentProps;

/**
 * examples/openapi in Java: an OpenAPI-defined REST API and its deployment. It synthesizes the
 * same stack as the TypeScript example (examples/java/build.sh compares them).
 */
public final class Main {
    private static final String OPENAPI = "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"example\",\"version\":\"1.0\"},"
            + "\"paths\":{\"/path1\":{\"get\":{\"x-amazon-apigateway-integration\":{\"httpMethod\":\"GET\","
            + "\"payloadFormatVersion\":\"1.0\",\"type\":\"HTTP_PROXY\",\"uri\":\"https://ip-ranges.amazonaws.com/ip-ranges.json\"}}}}}";

    private Main() {
    }

    public static void main(final String[] args) {
        App app = new App(AppConfig.builder().outdir(args.length > 0 ? args[0] : "cdktf.out").build());
        TerraformStack stack = new TerraformStack(app, "openapi");
        new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
        ApiGatewayRestApi api = new ApiGatewayRestApi(stack, "example", ApiGatewayRestApiConfig.builder()
                .name("example")
                .body(OPENAPI)
                .build());
        RestApiDeployment deployment = new RestApiDeployment(stack, "deployment", RestApiDeploymentProps.builder()
                .restApi(api)
                .stageName("example")
                .build());
        new TerraformOutput(stack, "invoke_url", TerraformOutputConfig.builder().value(deployment.urlForPath("/path1")).build());
        app.synth();
    }
}
