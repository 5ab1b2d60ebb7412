// examples/openapi in Go: an OpenAPI-defined REST API and its deployment. It synthesizes the
// same stack as the TypeScript example (examples/go/build.sh compares them).
package main

import (
	"os"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf-api-gateway-deployment/cdktf-api-gateway-deployment-go/cdktfapigatewaydeployment"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v21/apigatewayrestapi"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v21/provider"
	"github.com/hashicorp/terraform-cdk-go/cdktf"
)

const openAPI = `{"openapi":"3.0.1","info":{"title":"example","version":"1.0"},"paths":{"/path1":{"get":{"x-amazon-apigateway-integration":{"httpMethod":"GET","payloadFormatVersion":"1.0","type":"HTTP_PROXY","uri":"https://ip-ranges.amazonaws.com/ip-ranges.json"}}}}}`

func main() {
	outdir := "cdktf.out"
	if len(os.Args) > 1 {
		outdir = os.Args[1]
	}
	app := cdktf.NewApp(&cdktf.AppConfig{Outdir: jsii.String(outdir)})
	stack := cdktf.NewTerraformStack(app, jsii.String("openapi"))
	provider.NewAwsProvider(stack, jsii.String("aws"), &provider.AwsProviderConfig{Region: jsii.String("eu-west-2")})
	api := apigatewayrestapi.NewApiGatewayRestApi(stack, jsii.String("example"), &apigatewayrestapi.ApiGatewayRestApiConfig{
		Name: jsii.String("example"),
		Body: jsii.String(openAPI),
	})
	deployment := cdktfapigatewaydeployment.NewRestApiDeployment(stack, jsii.String("deployment"), &cdktfapigatewaydeployment.RestApiDeploymentProps{
		RestApi:   api,
		StageName: jsii.String("example"),
	})
	cdktf.NewTerraformOutput(stack, jsii.String("invoke_url"), &cdktf.TerraformOutputConfig{Value: deployment.UrlForPath(jsii.String("/path1"))})
	app.Synth()
}
