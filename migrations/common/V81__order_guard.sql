-- One row that orders lock (SELECT ... FOR UPDATE) while they decide capacity and the address:
-- the database serialises those decisions across every panel instance. Double orders and
-- taken hostnames are refused by the unique constraints on server, not by this lock.
CREATE TABLE order_guard (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO order_guard (id) VALUES (1);
