package dev.arcade.kit.sdk;

import dev.arcade.kit.backend.Endpoints;
import java.net.URI;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Refuses, before it is signed or sent, any request to a host that is neither loopback nor the
 * backend's: the safety net under the system properties of {@link SdkDefaults}, for a client that
 * was given another endpoint or region by hand.
 *
 * <p>A global interceptor of every SDK client in the JVM (see
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}); the kit's clients pass it
 * like any other. It guards from the moment a backend runs ({@link JvmState#backend()}).
 */
public final class EndpointGuard implements ExecutionInterceptor {
    /** Public for the SDK, which instantiates global interceptors by reflection. */
    public EndpointGuard() {}

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        URI allowed = JvmState.guardedEndpoint();
        SdkHttpRequest request = context.httpRequest();
        if (allowed != null
                && !Endpoints.isLoopback(request.host())
                && !request.host().equalsIgnoreCase(allowed.getHost())) {
            throw SdkClientException.create("The workshop refused a call to " + request.protocol() + "://"
                    + request.host() + " (" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
                    + "): the course only talks to the emulator at " + allowed
                    + ". Build clients with XxxClient.create() or XxxClient.builder() without endpointOverride.");
        }
        return request;
    }
}
