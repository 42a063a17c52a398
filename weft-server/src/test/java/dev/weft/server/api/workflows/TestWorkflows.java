package dev.weft.server.api.workflows;

import dev.weft.common.SearchAttributeType;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.ApplicationFailure;
import dev.weft.server.WeftServerOptions;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.UpdateMethod;
import dev.weft.workflow.UpdateValidatorMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.util.Map;

/** Small workflows the workflow route tests drive through the API, on the queue {@value #QUEUE}. */
public final class TestWorkflows {
  /** The queue every test workflow is registered on. */
  public static final String QUEUE = "api-tests";

  private TestWorkflows() {}

  /** Answers at once. */
  @WorkflowInterface
  public interface Greeter {
    @WorkflowMethod
    String greet(String name);
  }

  /** Greets. */
  public static final class GreeterImpl implements Greeter {
    @Override
    public String greet(String name) {
      return "Hello, " + name;
    }
  }

  /** Fails for good with a typed failure and a cause. */
  @WorkflowInterface
  public interface Failer {
    @WorkflowMethod
    String fail(String why);
  }

  /** Fails. */
  public static final class FailerImpl implements Failer {
    @Override
    public String fail(String why) {
      throw new ApplicationFailure(
          why, "Refused", true, ApplicationFailure.newFailure("the root of it", "RootCause"));
    }
  }

  /** An account that lives until it is closed: signals, queries, updates. */
  @WorkflowInterface
  public interface Account {
    @WorkflowMethod
    Map<String, Object> open(int opening);

    @SignalMethod
    void deposit(int amount);

    @SignalMethod
    void close();

    @QueryMethod
    int balance();

    @QueryMethod
    int broken();

    @UpdateMethod
    int withdraw(int amount);

    @UpdateValidatorMethod(updateName = "withdraw")
    void checkWithdraw(int amount);

    @UpdateMethod
    String failing(String why);
  }

  /**
   * Keeps a balance. Signals and updates delivered with the start run before the workflow method,
   * so the opening amount is added to what they did.
   */
  public static final class AccountImpl implements Account {
    private int balance;
    private boolean closed;

    @Override
    public Map<String, Object> open(int opening) {
      balance += opening;
      Workflow.await(() -> closed);
      return Map.of("balance", balance, "closed", true);
    }

    @Override
    public void deposit(int amount) {
      balance += amount;
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public int balance() {
      return balance;
    }

    @Override
    public int broken() {
      throw new IllegalStateException("this query always fails");
    }

    @Override
    public int withdraw(int amount) {
      balance -= amount;
      return balance;
    }

    @Override
    public void checkWithdraw(int amount) {
      if (amount <= 0 || amount > 1000) {
        throw new IllegalArgumentException(
            "cannot withdraw " + amount + ": a withdrawal is from 1 to 1000");
      }
    }

    @Override
    public String failing(String why) {
      throw ApplicationFailure.newNonRetryableFailure(why, "UpdateBroke");
    }
  }

  /** Registers the test workflows. */
  public static void register(WeftEngine engine) {
    engine
        .newWorker(QUEUE)
        .registerWorkflow(Greeter.class, GreeterImpl::new)
        .registerWorkflow(Failer.class, FailerImpl::new)
        .registerWorkflow(Account.class, AccountImpl::new);
  }

  /** A server on {@code store} in {@code dir} with the test workflows and two search attributes. */
  public static ApiServer server(TestStore store, Path dir) {
    return ApiServer.start(
        store,
        dir,
        b ->
            b.registerSearchAttribute("CustomerId", SearchAttributeType.KEYWORD)
                .registerSearchAttribute("Amount", SearchAttributeType.INT)
                .registerSearchAttribute("Due", SearchAttributeType.DATETIME)
                .registerSearchAttribute("Tags", SearchAttributeType.KEYWORD_LIST),
        TestWorkflows::register,
        WeftServerOptions.defaults().withPort(0));
  }
}
