package io.distillguard.service.gateway;

import com.google.rpc.Code;
import com.google.rpc.Status;
import io.distillguard.scoring.Reason;
import io.distillguard.service.decide.Action;
import io.distillguard.service.decide.Decision;
import io.distillguard.service.decide.Decider;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.envoyproxy.envoy.service.auth.v3.DeniedHttpResponse;
import io.envoyproxy.envoy.service.auth.v3.OkHttpResponse;
import io.envoyproxy.envoy.type.v3.HttpStatus;
import io.envoyproxy.envoy.type.v3.StatusCode;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Envoy's external authorization service ({@code envoy.service.auth.v3.Authorization/Check}) over gRPC. A request
 * whose account's action is {@code block} is denied with HTTP 403 and a JSON body naming the verdict's signals
 * (never content); every other request is allowed, with {@code x-distillguard-action} (and, in shadow mode,
 * {@code x-distillguard-shadow-action}) added upstream, so that Envoy's rate limits or routes can act on
 * {@code throttle}, {@code degrade} and {@code review}. A request without a resolvable account is allowed with
 * action {@code allow}. With {@code failClosed}, a detector that is not ready answers UNAVAILABLE, and Envoy's
 * {@code failure_mode_allow} decides.
 */
public final class EnvoyAuthz extends AuthorizationGrpc.AuthorizationImplBase {

  public static final String ACTION_HEADER = "x-distillguard-action";
  public static final String SHADOW_HEADER = "x-distillguard-shadow-action";

  private final Decider decider;
  private final AccountResolver accounts;
  private final boolean failClosed;
  private final java.util.function.Consumer<Action> counter;

  public EnvoyAuthz(Decider decider, AccountResolver accounts, boolean failClosed,
      java.util.function.Consumer<Action> counter) {
    this.decider = decider;
    this.accounts = accounts;
    this.failClosed = failClosed;
    this.counter = counter;
  }

  /** Starts a gRPC server for this service on {@code host:port} (0: any free port). */
  public Server serve(String host, int port) throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress(host, port)).addService(this).build().start();
  }

  @Override
  public void check(CheckRequest request, StreamObserver<CheckResponse> out) {
    Map<String, String> headers = request.getAttributes().getRequest().getHttp().getHeadersMap();
    String account = accounts.resolve(headers);
    if (failClosed && !decider.ready()) {
      out.onNext(CheckResponse.newBuilder().setStatus(Status.newBuilder().setCode(Code.UNAVAILABLE_VALUE)
          .setMessage("distillguard: detection is not ready")).build());
      out.onCompleted();
      return;
    }
    Decision d = account == null ? null : decider.decide(account);
    Action action = d == null ? Action.ALLOW : d.action();
    counter.accept(action);
    CheckResponse.Builder r = CheckResponse.newBuilder();
    if (action == Action.BLOCK) {
      StringBuilder body = new StringBuilder("{\"error\":\"blocked by distillguard\",\"verdict\":\"")
          .append(d.verdict()).append("\",\"signals\":[");
      boolean first = true;
      for (Reason reason : d.reasons()) {
        body.append(first ? "" : ",").append('"').append(reason.signal()).append('"'); // signal names: [a-z_]
        first = false;
      }
      body.append("]}");
      r.setStatus(Status.newBuilder().setCode(Code.PERMISSION_DENIED_VALUE))
          .setDeniedResponse(DeniedHttpResponse.newBuilder()
              .setStatus(HttpStatus.newBuilder().setCode(StatusCode.Forbidden))
              .addHeaders(header("content-type", "application/json"))
              .addHeaders(header(ACTION_HEADER, action.wireName()))
              .setBody(body.toString()));
    } else {
      OkHttpResponse.Builder ok = OkHttpResponse.newBuilder().addHeaders(header(ACTION_HEADER, action.wireName()));
      if (d != null && d.shadowAction() != null) {
        ok.addHeaders(header(SHADOW_HEADER, d.shadowAction().wireName()));
      }
      r.setStatus(Status.newBuilder().setCode(Code.OK_VALUE)).setOkResponse(ok);
    }
    out.onNext(r.build());
    out.onCompleted();
  }

  private static HeaderValueOption header(String name, String value) {
    return HeaderValueOption.newBuilder().setHeader(HeaderValue.newBuilder().setKey(name).setValue(value)).build();
  }

  /** Stops a server started by {@link #serve}, waiting briefly for calls in flight. */
  public static void stop(Server server) throws InterruptedException {
    server.shutdown();
    if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
      server.shutdownNow();
    }
  }
}
