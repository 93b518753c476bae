package dev.arcade.kit.sdk;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every API call of the code under test in {@link ApiCalls}: the request as it was built,
 * each HTTP attempt, and how the call ended. Calls of the kit's own grading clients carry
 * {@link #KIT_CLIENT} and are not recorded (nor faulted, see {@link FaultInjector}).
 *
 * <p>A global interceptor of every SDK client in the JVM; it is listed before
 * {@link FaultInjector}, whose faults it must see as attempts.
 */
public final class ApiCallRecorder implements ExecutionInterceptor {
    /** Marks a client as the kit's own: its calls are neither recorded nor faulted. */
    static final ExecutionAttribute<Boolean> KIT_CLIENT = new ExecutionAttribute<>("workshop.kitClient");

    /** The recorded call a request belongs to, for the interceptors after this one. */
    static final ExecutionAttribute<ApiCall> CALL = new ExecutionAttribute<>("workshop.call");

    /** Public for the SDK, which instantiates global interceptors by reflection. */
    public ApiCallRecorder() {}

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!Boolean.TRUE.equals(attributes.getAttribute(KIT_CLIENT))) {
            ApiCall call = JvmState.calls()
                    .record(
                            attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                            context.request());
            attributes.putAttribute(CALL, call);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        ApiCall call = attributes.getAttribute(CALL);
        if (call != null) {
            call.attempted();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        ApiCall call = attributes.getAttribute(CALL);
        if (call != null) {
            call.succeeded(context.response());
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        ApiCall call = attributes.getAttribute(CALL);
        if (call != null) {
            call.failed(context.exception());
        }
    }
}
