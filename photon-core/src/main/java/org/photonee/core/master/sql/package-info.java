/**
 * SQL lobby filters: the WHERE-like text clients send for JoinRandomGame and GetGameList in an SqlLobby, parsed by
 * a tokenizer and a recursive-descent parser into an expression tree over the columns C0..C9 and evaluated in
 * memory with SQL's three-valued logic. The text is never handed to a database.
 */
package org.photonee.core.master.sql;
