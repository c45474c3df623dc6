-- Web Push subscriptions of passengers' phones, by ticket, shared by every hub of the airport: a phone
-- subscribed through one node is told of a change committed on any node.
CREATE TABLE push_subscriptions (
  airport text NOT NULL REFERENCES airports (id),
  request_id text NOT NULL,
  -- The phone-link generation the subscriptions were made under (a "lost phone" revocation drops them).
  generation integer NOT NULL,
  subs jsonb NOT NULL,
  PRIMARY KEY (airport, request_id)
);
