// EventStoreDB's own Node client (@eventstore/db-client, pinned in package-lock.json) reading EventDialogue's history
// through the server's EventStoreDB protocol. Run by EventStoreDbClientContract, which records the history first:
//   node session.js '{"address":"127.0.0.1:5080","stream":"round-…","missingStream":"round-…","liveStream":"source-…","prefix":"round-…","apiKey":"edk_…"}'
// It prints {"waiting":"live"} once its subscriptions have caught up (the test then records the live event), and
// ends with one line of JSON: what the client got from each call, for the test to assert on.
"use strict";

const {
  EventStoreDBClient,
  BACKWARDS,
  FORWARDS,
  START,
  END,
  jsonEvent,
  streamNameFilter,
  eventTypeFilter,
} = require("@eventstore/db-client");
const { StreamsClient } = require("@eventstore/db-client/generated/streams_grpc_pb");
const { ReadReq } = require("@eventstore/db-client/generated/streams_pb");
const { Empty } = require("@eventstore/db-client/generated/shared_pb");
const { ServerFeaturesClient } = require("@eventstore/db-client/generated/serverfeatures_grpc_pb");
const grpc = require("@grpc/grpc-js");

const args = JSON.parse(process.argv[2]);
const client = EventStoreDBClient.connectionString`esdb://${args.address}?tls=false`;

// The client sends user credentials only over TLS (as HTTP Basic: name and key), and the test server is plaintext on
// loopback: so its API key goes on every call's metadata here, as a service would send it.
function withKey(metadata) {
  metadata.set("authorization", `Bearer ${args.apiKey}`);
  return metadata;
}
const callArguments = client.callArguments;
client.callArguments = (...given) => {
  const [metadata, options] = callArguments(...given);
  return [withKey(metadata), options];
};

// The test's own bound on the whole session; the test waits on this process with a bound of its own as well.
const bound = setTimeout(() => fail(new Error("the session did not finish within 120 s")), 120_000);

function fail(error) {
  process.stdout.write(JSON.stringify({ failed: describeError(error) }) + "\n");
  process.exit(1);
}

function describeError(error) {
  return { name: error?.constructor?.name, type: error?.type, code: error?.code, message: error?.message };
}

function describe(resolved) {
  const e = resolved.event;
  return {
    id: e.id,
    streamId: e.streamId,
    revision: e.revision.toString(),
    type: e.type,
    isJson: e.isJson,
    data: e.data,
    metadata: e.metadata,
    created: e.created.toISOString(),
    commit: e.position?.commit?.toString(),
    prepare: e.position?.prepare?.toString(),
  };
}

async function collect(readable) {
  const events = [];
  for await (const resolved of readable) {
    events.push(describe(resolved));
  }
  return events;
}

async function expectError(action) {
  try {
    await action();
    return { name: "none" };
  } catch (error) {
    return describeError(error);
  }
}

// The 6.x client's readAll takes no filter; its subscriptions do. A filtered read of $all goes through the client's
// own generated stubs, as the protocol allows it.
function filteredReadByEventType(setExpression, count) {
  const options = new ReadReq.Options();
  const all = new ReadReq.Options.AllOptions();
  all.setStart(new Empty());
  options.setAll(all);
  options.setReadDirection(ReadReq.Options.ReadDirection.FORWARDS);
  options.setCount(String(count));
  const uuid = new ReadReq.Options.UUIDOption();
  uuid.setStructured(new Empty());
  options.setUuidOption(uuid);
  const expression = new ReadReq.Options.FilterOptions.Expression();
  setExpression(expression);
  const filter = new ReadReq.Options.FilterOptions();
  filter.setEventType(expression);
  filter.setCount(new Empty());
  filter.setCheckpointintervalmultiplier(1);
  options.setFilter(filter);
  const request = new ReadReq();
  request.setOptions(options);
  const raw = new StreamsClient(args.address, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    const events = [];
    const call = raw.read(request, withKey(new grpc.Metadata()));
    call.on("data", (response) => {
      if (response.hasEvent()) {
        const recorded = response.getEvent().getEvent();
        const structured = recorded.getId().getStructured();
        events.push({
          streamId: Buffer.from(recorded.getStreamIdentifier().getStreamName()).toString("utf8"),
          type: recorded.getMetadataMap().get("type"),
          mostSignificantBits: structured.getMostSignificantBits(),
          leastSignificantBits: structured.getLeastSignificantBits(),
        });
      }
    });
    call.on("error", reject);
    call.on("end", () => {
      raw.close();
      resolve(events);
    });
  });
}

// Follows until the event of the live stream (recorded by the test once every subscription has caught up) arrives.
function followUntilLive(subscription) {
  const state = { confirmed: false, caughtUpBeforeLive: false, history: [], live: null };
  const caughtUp = new Promise((resolve) => subscription.once("caughtUp", resolve));
  const done = new Promise((resolve, reject) => {
    subscription.on("confirmation", () => (state.confirmed = true));
    subscription.on("caughtUp", () => (state.caughtUpBeforeLive = state.live === null));
    subscription.on("data", (resolved) => {
      if (resolved.event.streamId === args.liveStream) {
        state.live = describe(resolved);
        subscription.unsubscribe().then(() => resolve(state), reject);
      } else {
        state.history.push(describe(resolved));
      }
    });
    subscription.on("error", reject);
  });
  return { caughtUp, done };
}

// What the client asks first, asked here through its own stubs to see the answer.
function supportedMethods() {
  const raw = new ServerFeaturesClient(args.address, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) =>
    raw.getSupportedMethods(new Empty(), (error, supported) => {
      raw.close();
      if (error) {
        return reject(error);
      }
      resolve({
        version: supported.getEventStoreServerVersion(),
        methods: supported.getMethodsList().map((m) => `${m.getServiceName()}/${m.getMethodName()}`),
      });
    }),
  );
}

async function main() {
  const result = {};
  result.features = await supportedMethods();
  result.stream = await collect(client.readStream(args.stream));
  result.streamBackwardsNewest = await collect(client.readStream(args.stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }));
  result.streamFromRevision1 = await collect(client.readStream(args.stream, { fromRevision: BigInt(1), maxCount: 1 }));
  result.allForwards = await collect(client.readAll({ direction: FORWARDS, fromPosition: START, maxCount: 1000 }));
  result.allBackwards = await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 3 }));
  const second = result.stream[1];
  const at = { commit: BigInt(second.commit), prepare: BigInt(second.prepare) };
  result.allForwardsFromSecond = await collect(client.readAll({ direction: FORWARDS, fromPosition: at, maxCount: 2 }));
  result.allBackwardsFromSecond = await collect(client.readAll({ direction: BACKWARDS, fromPosition: at, maxCount: 1 }));
  result.filteredRead = await filteredReadByEventType((e) => e.setPrefixList(["DelegationMember"]), 1000);
  result.badRegex = await expectError(() => filteredReadByEventType((e) => e.setRegex("(Round)\\1"), 10));
  result.notFound = await expectError(() => collect(client.readStream(args.missingStream)));
  result.append = await expectError(() => client.appendToStream(args.stream, jsonEvent({ type: "RoundHeld", data: { forged: true } })));

  // Catch-up subscriptions: a filtered one on $all with checkpoints, one on a stream not written yet.
  const checkpoints = [];
  const filtered = client.subscribeToAll({
    fromPosition: START,
    filter: streamNameFilter({
      prefixes: [args.prefix, args.liveStream],
      maxSearchWindow: 2,
      checkpointInterval: 1,
      checkpointReached: (_subscription, position) => {
        checkpoints.push(position.commit.toString());
      },
    }),
  });
  const byType = client.subscribeToAll({ fromPosition: START, filter: eventTypeFilter({ regex: "^Source[A-Z]" }) });
  const onStream = client.subscribeToStream(args.liveStream, { fromRevision: START });
  const following = [filtered, byType, onStream].map(followUntilLive);
  await Promise.all(following.map((f) => f.caughtUp));
  process.stdout.write(JSON.stringify({ waiting: "live" }) + "\n");
  const [filteredState, byTypeState, onStreamState] = await Promise.all(following.map((f) => f.done));
  result.filteredSubscription = { ...filteredState, checkpoints };
  result.byTypeSubscription = byTypeState;
  result.streamSubscription = onStreamState;

  await client.dispose();
  clearTimeout(bound);
  process.stdout.write(JSON.stringify(result) + "\n");
}

main().catch(fail);
