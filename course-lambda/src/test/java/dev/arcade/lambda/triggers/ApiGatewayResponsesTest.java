package dev.arcade.lambda.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources: API Gateway Developer Guide, "Set up Lambda proxy integrations in API Gateway" (output
 * format), "Create AWS Lambda proxy integrations for HTTP APIs in API Gateway" (response format,
 * the "Hello from Lambda!" examples); AWS Lambda Developer Guide, "Handling Lambda errors with an
 * API Gateway API" (500 for a rejected invocation, 502 for a function error or a wrong format).
 */
@DisplayName("What the client of API Gateway sees of the function's result")
class ApiGatewayResponsesTest {

    @Nested
    @DisplayName("REST API, Lambda proxy integration")
    class Rest {

        @Test
        @DisplayName("a well-formed result gives its status, headers and body")
        void wellFormed() {
            GatewayResponse r = ApiGatewayResponses.restProxy(FunctionResult.success("""
                    {"isBase64Encoded": false, "statusCode": 201, "headers": {"Content-Type": "application/json", "X-Game": "tetris"},
                     "body": "{\\"id\\": 7}"}"""));
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.header("content-type")).containsExactly("application/json");
            assertThat(r.bodyText()).isEqualTo("{\"id\": 7}");
        }

        @Test
        @DisplayName(
                "headers and multiValueHeaders merge, and for a key in both only the multiValueHeaders values appear")
        void mergeHeaders() {
            GatewayResponse r = ApiGatewayResponses.restProxy(FunctionResult.success("""
                    {"statusCode": 200, "headers": {"X-A": "1", "X-B": "single"}, "multiValueHeaders": {"X-B": ["m1", "m2"]}, "body": ""}"""));
            assertThat(r.header("X-A")).containsExactly("1");
            assertThat(r.header("X-B")).containsExactly("m1", "m2");
        }

        @Test
        @DisplayName("a base64 body reaches the client decoded")
        void base64() {
            GatewayResponse r = ApiGatewayResponses.restProxy(
                    FunctionResult.success("{\"statusCode\": 200, \"isBase64Encoded\": true, \"body\": \"AAEC\"}"));
            assertThat(r.body()).containsExactly(0, 1, 2);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"body\": \"hello\"}",
                    "{\"statusCode\": 200, \"body\": {\"id\": 7}}",
                    "{\"statusCode\": \"OK\", \"body\": \"x\"}",
                    "{\"statusCode\": 99, \"body\": \"x\"}",
                    "{\"statusCode\": 200, \"Body\": \"x\"}",
                    "{\"statusCode\": 200, \"headers\": {\"X\": [\"a\"]}}",
                    "{\"statusCode\": 200, \"multiValueHeaders\": {\"X\": \"a\"}}",
                    "\"Hello from Lambda!\"",
                    "null",
                    "not json"
                })
        @DisplayName("a malformed result is a 502 Internal server error")
        void malformed(String payload) {
            GatewayResponse r = ApiGatewayResponses.restProxy(FunctionResult.success(payload));
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.bodyText()).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(r.why()).startsWith("Malformed Lambda proxy response: ");
        }

        @Test
        @DisplayName("the reason names the missing statusCode and the body that is not a string")
        void reasons() {
            assertThat(ApiGatewayResponses.restProxy(FunctionResult.success("{\"body\": \"hello\"}"))
                            .why())
                    .contains("no statusCode");
            assertThat(ApiGatewayResponses.restProxy(FunctionResult.success("{\"statusCode\": 200, \"body\": {}}"))
                            .why())
                    .contains("body must be a string");
        }

        @Test
        @DisplayName("a status written as a string of digits is accepted")
        void stringStatus() {
            assertThat(ApiGatewayResponses.restProxy(
                                    FunctionResult.success("{\"statusCode\": \"404\", \"body\": \"\"}"))
                            .statusCode())
                    .isEqualTo(404);
        }

        @Test
        @DisplayName(
                "a function error is a 502, a permission the function policy lacks a 500, both Internal server error")
        void errors() {
            GatewayResponse failed = ApiGatewayResponses.restProxy(
                    FunctionResult.functionError("java.lang.IllegalStateException", "boom"));
            assertThat(failed.statusCode()).isEqualTo(502);
            assertThat(failed.bodyText()).isEqualTo(ApiGatewayResponses.REST_ERROR_BODY);
            assertThat(failed.why()).contains("java.lang.IllegalStateException: boom");
            GatewayResponse rejected = ApiGatewayResponses.restProxy(
                    FunctionResult.invokeRejected("the function policy has no statement"));
            assertThat(rejected.statusCode()).isEqualTo(500);
            assertThat(rejected.bodyText()).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(rejected.why()).contains("the function policy has no statement");
        }
    }

    @Nested
    @DisplayName("HTTP API, payload format 2.0")
    class Http {

        @Test
        @DisplayName("a JSON string without statusCode is a 200 application/json whose body is the string")
        void helloString() {
            GatewayResponse r = ApiGatewayResponses.httpApi(FunctionResult.success("\"Hello from Lambda!\""));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.header("Content-Type")).containsExactly("application/json");
            assertThat(r.bodyText()).isEqualTo("Hello from Lambda!");
        }

        @Test
        @DisplayName("an object without statusCode is a 200 whose body is the object as returned")
        void helloObject() {
            GatewayResponse r =
                    ApiGatewayResponses.httpApi(FunctionResult.success("{\"message\": \"Hello from Lambda!\"}"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("{\"message\": \"Hello from Lambda!\"}");
            assertThat(r.why()).contains("no statusCode");
        }

        @Test
        @DisplayName("with statusCode the result's status, headers, cookies and body are used")
        void withStatus() {
            GatewayResponse r = ApiGatewayResponses.httpApi(FunctionResult.success("""
                    {"cookies": ["a=1", "b=2; Secure"], "isBase64Encoded": false, "statusCode": 418,
                     "headers": {"headername": "headervalue"}, "body": "I'm a teapot"}"""));
            assertThat(r.statusCode()).isEqualTo(418);
            assertThat(r.header("HeaderName")).containsExactly("headervalue");
            assertThat(r.header("set-cookie")).containsExactly("a=1", "b=2; Secure");
            assertThat(r.bodyText()).isEqualTo("I'm a teapot");
        }

        @Test
        @DisplayName("a number or an array without statusCode is a 200 too")
        void otherJson() {
            assertThat(ApiGatewayResponses.httpApi(FunctionResult.success("42")).bodyText())
                    .isEqualTo("42");
            assertThat(ApiGatewayResponses.httpApi(FunctionResult.success("[1,2]"))
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        @DisplayName("a result that is not JSON, a bad statusCode, a function error or a rejection is a 500")
        void errors() {
            for (FunctionResult result : new FunctionResult[] {
                FunctionResult.success("Hello from Lambda!".getBytes(StandardCharsets.UTF_8)),
                FunctionResult.success("{\"statusCode\": \"teapot\"}"),
                FunctionResult.functionError("Sandbox.Timedout", "Task timed out after 3.00 seconds"),
                FunctionResult.invokeRejected(
                        "the function policy has no statement that lets apigateway.amazonaws.com invoke it")
            }) {
                GatewayResponse r = ApiGatewayResponses.httpApi(result);
                assertThat(r.statusCode()).as(result.kind().name()).isEqualTo(500);
                assertThat(r.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
            }
        }
    }
}
