@AllowedDependencies({})
package shop.archfixture.undeclared.catalog;

import shop.storefront.platform.AllowedDependencies;
