package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityExecutionTest;
import dev.weft.activity.AsyncCompletionTest;
import dev.weft.activity.LocalActivityTest;
import dev.weft.client.ClientTest;
import dev.weft.client.ResetAndImportTest;
import dev.weft.client.SignalWithStartTest;
import dev.weft.client.StackTraceQueryTest;
import dev.weft.client.StartDelayTest;
import dev.weft.client.TypedSearchAttributesTest;
import dev.weft.client.UpdateTest;
import dev.weft.client.UpdateWithStartTest;
import dev.weft.client.VisibilityTest;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.engine.HistoryLimitsTest;
import dev.weft.engine.RemoteActivitiesGroupedReportsTest;
import dev.weft.history.WorkflowHistory;
import dev.weft.internal.batch.BatchWorkflow;
import dev.weft.internal.batch.PagedBatchWorkflow;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.runtime.HistoryCheck;
import dev.weft.testsupport.Histories;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The replay twins of the engine's feature tests: each checked-in history (recorded by the live
 * test, see {@link Histories}) is replayed against the current workflow code. A change that breaks
 * a twin would break runs in flight.
 */
@Tag("replay")
class ReplayTwinsTest {

  static Stream<Arguments> twins() {
    return Stream.of(
        twin("batch-signal-two-pages", BatchWorkflow.class, PagedBatchWorkflow::new),
        twin(
            "stack-trace-waiter-completed",
            StackTraceQueryTest.Waiter.class,
            StackTraceQueryTest.WaiterImpl::new),
        twin(
            "activity-retried-until-success",
            ActivityExecutionTest.Caller.class,
            ActivityExecutionTest.CallerImpl::new),
        twin(
            "activity-retries-exhausted",
            ActivityExecutionTest.Caller.class,
            ActivityExecutionTest.CallerImpl::new),
        twin(
            "activity-heartbeat-details",
            ActivityExecutionTest.Caller.class,
            ActivityExecutionTest.CallerImpl::new),
        twin(
            "activity-start-to-close-timeout",
            ActivityExecutionTest.Caller.class,
            ActivityExecutionTest.CallerImpl::new),
        twin(
            "workflow-async-fan-out",
            WorkflowApiTest.FanOut.class,
            WorkflowApiTest.FanOutImpl::new),
        twin(
            "workflow-signals-and-await",
            WorkflowApiTest.Approval.class,
            WorkflowApiTest.ApprovalImpl::new),
        twin(
            "workflow-await-timeout",
            WorkflowApiTest.Approval.class,
            WorkflowApiTest.ApprovalImpl::new),
        twin(
            "workflow-await-cancels-timer",
            WorkflowApiTest.Approval.class,
            WorkflowApiTest.ApprovalImpl::new),
        twin(
            "workflow-side-effect-random-time",
            WorkflowApiTest.Deterministic.class,
            WorkflowApiTest.DeterministicImpl::new),
        twin(
            "cancel-workflow-with-running-activity",
            CancellationTest.Cancellable.class,
            CancellationTest.CancellableImpl::new),
        twin(
            "cancel-workflow-with-timer",
            CancellationTest.Cancellable.class,
            CancellationTest.CancellableImpl::new),
        twin(
            "cancel-scope",
            CancellationTest.Cancellable.class,
            CancellationTest.CancellableImpl::new),
        twin("client-completed", ClientTest.Job.class, ClientTest.JobImpl::new),
        twin("client-failed", ClientTest.Job.class, ClientTest.JobImpl::new),
        twin("client-terminated", ClientTest.Job.class, ClientTest.JobImpl::new),
        twin(
            "replay-pipeline-resumed-after-fix",
            ReplayTest.Pipeline.class,
            ReplayTest.PipelineV1::new),
        twin("versioning-old-path", VersioningTest.Order.class, VersioningTest.OrderV2::new),
        twin("versioning-new-path", VersioningTest.Order.class, VersioningTest.OrderV2::new),
        twin("versioning-new-path", VersioningTest.Order.class, VersioningTest.OrderV4::new),
        twin(
            "continue-as-new-first-run",
            ContinueAsNewTest.CatchUp.class,
            ContinueAsNewTest.CatchUpImpl::new),
        twin(
            "continue-as-new-last-run",
            ContinueAsNewTest.CatchUp.class,
            ContinueAsNewTest.CatchUpImpl::new),
        twin("saga-reverse", SagaTest.Trip.class, SagaTest.TripImpl::new),
        twin("saga-parallel", SagaTest.Trip.class, SagaTest.TripImpl::new),
        twin(
            "signal-with-start", SignalWithStartTest.Cart.class, SignalWithStartTest.CartImpl::new),
        twin(
            "signal-with-start-handler-first",
            SignalWithStartTest.Doorbell.class,
            SignalWithStartTest.DoorbellImpl::new),
        twin(
            "signals-buffered-in-order",
            SignalWithStartTest.Cart.class,
            SignalWithStartTest.CartImpl::new),
        twin(
            "activity-completed-asynchronously",
            AsyncCompletionTest.Purchase.class,
            AsyncCompletionTest.PurchaseImpl::new),
        twin(
            "local-activities-in-one-task",
            LocalActivityTest.Enricher.class,
            LocalActivityTest.EnricherImpl::new),
        twin(
            "local-activity-retried-after-timer",
            LocalActivityTest.Enricher.class,
            LocalActivityTest.EnricherImpl::new),
        twin(
            "local-activity-cancelled",
            LocalActivityTest.Enricher.class,
            LocalActivityTest.EnricherImpl::new),
        twin(
            "workflow-failed-and-retried",
            WorkflowRetryAndTimeoutTest.Job.class,
            WorkflowRetryAndTimeoutTest.JobImpl::new),
        twin(
            "workflow-run-timed-out",
            WorkflowRetryAndTimeoutTest.Job.class,
            WorkflowRetryAndTimeoutTest.JobImpl::new),
        twin(
            "search-attributes-upserted",
            VisibilityTest.Order.class,
            VisibilityTest.OrderImpl::new),
        twin(
            "typed-search-attributes-upserted",
            TypedSearchAttributesTest.Parcel.class,
            TypedSearchAttributesTest.ParcelImpl::new),
        twin(
            "child-workflow-result",
            ChildWorkflowTest.Parent.class,
            ChildWorkflowTest.ParentImpl::new),
        twin(
            "untyped-child-workflow",
            UntypedChildWorkflowTest.UntypedParent.class,
            UntypedChildWorkflowTest.UntypedParentImpl::new),
        twin(
            "child-workflow-failed",
            ChildWorkflowTest.Parent.class,
            ChildWorkflowTest.ParentImpl::new),
        twin(
            "child-workflow-id-taken",
            ChildWorkflowTest.Parent.class,
            ChildWorkflowTest.ParentImpl::new),
        twin(
            "child-workflow-cancelled",
            ChildWorkflowTest.Parent.class,
            ChildWorkflowTest.ParentImpl::new),
        twin("updates-accepted", UpdateTest.Cart.class, UpdateTest.CartImpl::new),
        twin(
            "update-with-start-early-return",
            UpdateWithStartTest.Transaction.class,
            UpdateWithStartTest.TransactionImpl::new),
        twin("start-delay", StartDelayTest.Reminder.class, StartDelayTest.ReminderImpl::new),
        twin(
            "workflow-reset",
            ResetAndImportTest.Pipeline.class,
            ResetAndImportTest.PipelineImpl::new),
        twin(
            "terminated-at-history-limit",
            HistoryLimitsTest.Looper.class,
            HistoryLimitsTest.LooperImpl::new),
        twin(
            "cancellation-type-activity-try-cancel",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        twin(
            "cancellation-type-activity-abandon",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        twin(
            "cancellation-type-activity-wait-completed",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        twin(
            "cancellation-type-activity-wait-completed-anyway",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        twin(
            "cancellation-type-activity-wait-failed",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        twin(
            "cancellation-type-activity-wait-heartbeat-timeout",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        twin(
            "cancellation-type-activity-wait-not-started",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        twin(
            "cancellation-type-child-try-cancel",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        twin(
            "cancellation-type-child-wait-requested",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        twin(
            "cancellation-type-child-wait-completed",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        twin(
            "cancellation-type-child-abandon",
            CancellationTypesTest.Caller.class,
            CancellationTypesTest.CallerImpl::new),
        // workflow code side of issue 17 (external workflows, info, logger, init, dynamic)
        twin(
            "external-workflow-signalled",
            ExternalWorkflowTest.Sender.class,
            ExternalWorkflowTest.SenderImpl::new),
        twin(
            "external-workflow-cancelled",
            ExternalWorkflowTest.Sender.class,
            ExternalWorkflowTest.SenderImpl::new),
        twin(
            "external-workflow-not-found",
            ExternalWorkflowTest.Sender.class,
            ExternalWorkflowTest.SenderImpl::new),
        // replayed with the default history limits: the recorded markers decide, not the limits
        twin(
            "history-info-continue-as-new-suggested",
            HistoryInfoTest.Looper.class,
            HistoryInfoTest.LooperImpl::new),
        twin(
            "continue-as-new-stub-other-type",
            HistoryInfoTest.Handover.class,
            HistoryInfoTest.HandoverImpl::new),
        twin(
            "workflow-logger-lines",
            WorkflowLoggerTest.Chatty.class,
            WorkflowLoggerTest.ChattyImpl::new),
        twin(
            "workflow-init-update-in-first-task",
            WorkflowInitTest.Account.class,
            dev.weft.internal.definition.WorkflowImplementation.factory(
                WorkflowInitTest.AccountImpl.class,
                dev.weft.internal.definition.WorkflowDefinition.of(
                    WorkflowInitTest.Account.class))),
        twin("dynamic-workflow-handlers", DynamicWorkflow.class, DynamicTest.Scripted::new),
        twin(
            "activity-and-timer-summaries",
            SummariesTest.Checkout.class,
            SummariesTest.CheckoutImpl::new),
        twin(
            "remote-activities-reported-together",
            RemoteActivitiesGroupedReportsTest.Gather.class,
            RemoteActivitiesGroupedReportsTest.GatherImpl::new));
  }

  private static Arguments twin(String name, Class<?> iface, Supplier<?> impl) {
    return Arguments.of(name, iface, impl);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twins")
  void replaysAgainstCurrentCode(String name, Class<?> iface, Supplier<?> impl) {
    WorkflowHistory history = Histories.load(name);
    assertThat(HistoryCheck.workflowTasks(history)).isPositive();
    HistoryCheck.replay(
        history,
        iface,
        impl,
        new PayloadConverter(new JacksonDataConverter(), null, Long.MAX_VALUE));
  }
}
