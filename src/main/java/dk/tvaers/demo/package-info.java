/**
 * The demo profile: the users of API.md in the engine's identity service and a small
 * municipality's cases at every stage of the route, so that every screen has something to show, and a
 * year of closed, anonymised cases before them ({@link dk.tvaers.demo.DemoHistory}) for the leaders' figures.
 */
package dk.tvaers.demo;
