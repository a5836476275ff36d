-- Every node's mail sender wakes when any node (or any other writer)
-- commits mail: each statement that inserts into the outbox announces it
-- on the channel `tidings_mail`, delivered when (and only if) its
-- transaction commits, once per transaction however many statements.
-- Without it a mail committed on one node waited for another node's next
-- poll of the queue.
CREATE FUNCTION tidings_mail_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tidings_mail', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_wakes_senders AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION tidings_mail_queued();
