/**
 * Web-layer protections that apply to every page and API response.
 */
package bank.teller.web.security;
