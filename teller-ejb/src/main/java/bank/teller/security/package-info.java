/**
 * Users, roles and the signed-in teller. Authentication itself is Elytron's (jdbc-realm over
 * app_user/app_user_role, bcrypt hashes); this package stores users and says who is calling.
 */
package bank.teller.security;
