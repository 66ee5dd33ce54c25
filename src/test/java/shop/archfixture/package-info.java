/** Deliberately broken module layouts that the architecture rules must reject; never used at run time. */
package shop.archfixture;
